import { nodeProject } from '@cogo/vitest-preset';

export default nodeProject('types');
