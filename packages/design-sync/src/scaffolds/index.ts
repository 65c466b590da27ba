// scaffolds (issue 15): what design → code sync writes for a component — a CSF3 stories file, a Playwright test
// of those stories, and a Code Connect file. Deterministic text, safe for any names.
export { codeConnectFile } from './code-connect';
export { storyScaffold } from './story';
export { sanitize as storybookSanitize, storyNameFromExport, toId as storybookId } from './storybook-id';
export { testScaffold, type TestScaffoldOptions } from './test-file';
