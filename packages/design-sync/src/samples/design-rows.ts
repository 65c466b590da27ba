// The sample file's components as figma-context stores them (`components` rows), for tests that need the design
// side without the fake: definitions, set ids and descriptions as tooling/fakes defines them. Bound variables are
// left out: figma-context derives them from the file, and tests of tokens bring their own.
import type { StoredComponentRow } from '../types';
import { SAMPLE_FIGMA_FILE_KEY as F, SAMPLE_FIGMA_NODES as N } from './ids';

const variant = (nodeId: string, Variant: string, Size: string): StoredComponentRow => ({
  fileKey: F,
  nodeId,
  name: `Variant=${Variant}, Size=${Size}`,
  type: 'COMPONENT',
  props: { variant: { Variant, Size }, set_id: N.button },
});

/** Rows of the sample's Components page: Icon/Cart, Button (set and variants), Badge, Product Card. */
export const sampleDesignRows: StoredComponentRow[] = [
  { fileKey: F, nodeId: N.cartIcon, name: 'Icon/Cart', type: 'COMPONENT', props: { description: 'Shopping cart, 24px outline' } },
  variant('10:6', 'Primary', 'Medium'),
  variant('10:9', 'Secondary', 'Medium'),
  variant('10:12', 'Primary', 'Small'),
  {
    fileKey: F,
    nodeId: N.button,
    name: 'Button',
    type: 'COMPONENT_SET',
    props: {
      definitions: {
        Variant: { type: 'VARIANT', default: 'Primary', options: ['Primary', 'Secondary'] },
        Size: { type: 'VARIANT', default: 'Medium', options: ['Medium', 'Small'] },
        'Label#10:0': { type: 'TEXT', default: 'Button' },
        'Show icon#10:1': { type: 'BOOLEAN', default: false },
      },
      description: 'Primary and secondary actions',
    },
  },
  { fileKey: F, nodeId: N.badge, name: 'Badge', type: 'COMPONENT', props: { description: 'Small status label' } },
  {
    fileKey: F,
    nodeId: N.productCard,
    name: 'Product Card',
    type: 'COMPONENT',
    props: {
      definitions: {
        'Title#12:0': { type: 'TEXT', default: 'Product name' },
        'Price#12:1': { type: 'TEXT', default: '€0.00' },
        'Show badge#12:2': { type: 'BOOLEAN', default: true },
      },
      description: 'Product tile used in grids and carousels',
    },
  },
];
