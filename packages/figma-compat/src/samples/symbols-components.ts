// Sample components for symbols/map, shaped like a GET /v1/files/:key response (only the fields mapping reads),
// and a design-sync registry. Written for this project's tests; not a real file.
//  - Button: a component set with variants Size (Small/Medium/Large) and State (Default/Hover/Pressed/Disabled),
//    a boolean "Show icon", a text "Label" and an instance swap "Icon".
//  - Text Field: a set with a State variant (Default/Focused/Error) and Label / Placeholder texts.
//  - Avatar (Initials text, Online boolean) and Icons/Arrow Right: standalone components no registry symbol has.
//  - The registry: Button (a near match: sm/md/lg sizes, `disabled` for State=Disabled, `children` for the label,
//    `leadingIcon` for the icon, a `variant` Figma lacks, an onClick handler), TextInput (a near name for
//    "Text Field") and Checkbox (a miss: no component in the file).
import type { ComponentTreeNode } from '../symbols/collect';
import type { RegistryEntry } from '../symbols/types';

const variant = (id: string, name: string): ComponentTreeNode => ({ id, type: 'COMPONENT', name, children: [] });

type Meta = Record<string, { key: string; name: string; description?: string; componentSetId?: string }>;

/** A GET /v1/files/:key response holding the sample components. */
export const COMPONENTS_FILE: { name: string; document: ComponentTreeNode & { children: (ComponentTreeNode & { children: ComponentTreeNode[] })[] }; components: Meta; componentSets: Meta } = {
  name: 'Sample design system',
  document: {
    id: '0:0',
    type: 'DOCUMENT',
    name: 'Document',
    children: [
      {
        id: '0:1',
        type: 'CANVAS',
        name: 'Components',
        children: [
          {
            id: '20:0',
            type: 'COMPONENT_SET',
            name: 'Button',
            componentPropertyDefinitions: {
              Size: { type: 'VARIANT', defaultValue: 'Medium', variantOptions: ['Small', 'Medium', 'Large'] },
              State: { type: 'VARIANT', defaultValue: 'Default', variantOptions: ['Default', 'Hover', 'Pressed', 'Disabled'] },
              'Show icon#20:1': { type: 'BOOLEAN', defaultValue: false },
              'Label#20:2': { type: 'TEXT', defaultValue: 'Button' },
              'Icon#20:3': { type: 'INSTANCE_SWAP', defaultValue: '30:1', preferredValues: [{ type: 'COMPONENT', key: 'key-arrow-right' }] },
            },
            children: [variant('20:11', 'Size=Small, State=Default'), variant('20:12', 'Size=Medium, State=Default'), variant('20:13', 'Size=Large, State=Disabled')],
          },
          {
            id: '50:0',
            type: 'COMPONENT_SET',
            name: 'Forms/Text Field',
            componentPropertyDefinitions: {
              State: { type: 'VARIANT', defaultValue: 'Default', variantOptions: ['Default', 'Focused', 'Error'] },
              'Label#50:1': { type: 'TEXT', defaultValue: 'Email' },
              'Placeholder#50:2': { type: 'TEXT', defaultValue: 'you@example.com' },
            },
            children: [variant('50:1', 'State=Default'), variant('50:2', 'State=Error')],
          },
          {
            id: '40:1',
            type: 'COMPONENT',
            name: 'Avatar',
            componentPropertyDefinitions: { 'Initials#40:2': { type: 'TEXT', defaultValue: 'AL' }, 'Online#40:3': { type: 'BOOLEAN', defaultValue: true } },
            children: [],
          },
          { id: '30:1', type: 'COMPONENT', name: 'Icons/Arrow Right', children: [] },
        ],
      },
    ],
  },
  components: {
    '20:11': { key: 'key-button-small', name: 'Size=Small, State=Default', componentSetId: '20:0' },
    '30:1': { key: 'key-arrow-right', name: 'Icons/Arrow Right', description: 'A right arrow' },
    '40:1': { key: 'key-avatar', name: 'Avatar' },
  },
  componentSets: { '20:0': { key: 'key-button', name: 'Button', description: 'Primary action' }, '50:0': { key: 'key-text-field', name: 'Forms/Text Field' } },
};

/** A design-sync registry: a near match (Button), a near name (TextInput) and a miss (Checkbox). */
export const SAMPLE_REGISTRY: RegistryEntry[] = [
  {
    name: 'Button',
    path: 'src/components/Button.tsx',
    props: [
      { name: 'size', type: "'sm' | 'md' | 'lg'" },
      { name: 'variant', type: "'primary' | 'secondary'" },
      { name: 'disabled', type: 'boolean' },
      { name: 'children', type: 'ReactNode' },
      { name: 'leadingIcon', type: 'ReactNode' },
      { name: 'onClick', type: '() => void' },
    ],
  },
  {
    name: 'TextInput',
    path: 'src/components/TextInput.tsx',
    props: [
      { name: 'label', type: 'string' },
      { name: 'placeholder', type: 'string' },
      { name: 'error', type: 'boolean' },
      { name: 'onChange', type: '(value: string) => void' },
    ],
  },
  { name: 'Checkbox', path: 'src/components/Checkbox.tsx', props: [{ name: 'checked', type: 'boolean' }, { name: 'label', type: 'string' }] },
];
