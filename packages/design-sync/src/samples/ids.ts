// The Figma fake's sample file ("COGO Sample — Storefront", tooling/fakes/src/samples): its key and the node ids of
// its components, copied here because the package cannot depend on tooling. The API's tests, which run the fake,
// check that they still agree.

/** Key of the fake's sample file (tooling/fakes SAMPLE_FILE_KEY). */
export const SAMPLE_FIGMA_FILE_KEY = 'COGOSAMPLE0001';

/** Node ids of the sample file's components (the Button set, not its variants). */
export const SAMPLE_FIGMA_NODES = {
  cartIcon: '10:1',
  button: '10:15',
  badge: '10:16',
  productCard: '10:19',
} as const;

/** A Figma URL of a node of the sample file, as Code Connect writes it (node id with a dash). */
export const sampleFigmaUrl = (nodeId: string) => `https://www.figma.com/design/${SAMPLE_FIGMA_FILE_KEY}/COGO-Sample-Storefront?node-id=${nodeId.replace(':', '-')}`;
