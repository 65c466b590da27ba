// samples (`@cogo/design-sync/samples`): a small Storybook build for the Figma fake's sample file, with deliberate
// drift, and that file's component rows — what `./cogo dev` and the tests demonstrate drift → sync → undo with.
export { sampleDesignRows } from './design-rows';
export { SAMPLE_EXPECTED_DRIFT, type ExpectedDrift } from './expected-drift';
export { SAMPLE_FIGMA_FILE_KEY, SAMPLE_FIGMA_NODES, sampleFigmaUrl } from './ids';
export { sampleCodeConnect, sampleComponentsManifest, sampleDocgen, sampleStorybookIndex } from './storybook';
