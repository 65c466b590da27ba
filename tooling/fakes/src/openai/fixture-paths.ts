// Where the recorded OpenAI responses live for the comparison tests. This file is
// <repo>/tooling/fakes/src/openai/fixture-paths.ts, and the shared fixtures sit beside the repo: <repo>/../shared.
import { fileURLToPath } from 'node:url';

const repoRoot = new URL('../../../../', import.meta.url);

/** Absolute path of the recorded OpenAI fixtures (may not exist on every machine). */
export const OPENAI_FIXTURES_DIR = fileURLToPath(new URL('../shared/fixtures/openai/', repoRoot));
