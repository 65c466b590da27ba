import { nodeProject } from '@cogo/vitest-preset';

export default nodeProject('devstack', { testTimeout: 120_000 });
