import { nodeProject } from '@cogo/vitest-preset';

// The Figma plugin: its logic as pure functions, code.ts against a typed stub of the `figma` global, the build.
export default nodeProject('figma-plugin');
