import { nodeProject } from '@cogo/vitest-preset';

// The dashboard end to end: `./cogo dev`'s stack and Debian's Chromium driven by playwright-core.
export default nodeProject('web', { testTimeout: 240_000 });
