import { figmaContextRouter as contextRouter } from './figma-context.handlers';
import { figmaImagesRouter } from './images.handlers';

/** Every figma-context route: jobs (start, stream, status, cancel, apply) and images. */
export const figmaContextRouter = contextRouter.route('/', figmaImagesRouter);
