import { createRouter } from '../../../lib/openapi';

/** design-sync browser routes. */
export const designSyncBrowserRouter = createRouter();
