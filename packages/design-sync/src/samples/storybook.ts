// The sample Storybook build of the storefront's coded components, as `index.json` v5, Storybook 10's components
// manifest, react-docgen-typescript output and Code Connect JSON. It matches the Figma fake's sample file with DELIBERATE drift (expected-drift.ts
// lists it); handlers, className and children are code-only props and are no drift.
import { SAMPLE_FIGMA_NODES, sampleFigmaUrl } from './ids';

const entry = (title: string, name: string, file: string, type: 'story' | 'docs' = 'story') => {
  const id = `${title.toLowerCase().replace(/\//g, '-')}--${name.toLowerCase()}`;
  const tags = type === 'docs' ? ['dev', 'autodocs'] : ['dev', 'test'];
  const paths = type === 'docs' ? { importPath: `./src/components/${file}.stories.tsx`, storiesImports: [] } : { importPath: `./src/components/${file}.stories.tsx`, componentPath: `./src/components/${file}.tsx` };
  return [id, { type, id, name, title, ...paths, tags }] as const;
};

/** `index.json` v5: Button (Primary, Secondary, Small, Ghost), Badge (one story), ProductCard (Default + docs); no cart icon. */
export const sampleStorybookIndex = {
  v: 5,
  entries: Object.fromEntries([
    entry('Components/Badge', 'Default', 'Badge'),
    entry('Components/Button', 'Ghost', 'Button'),
    entry('Components/Button', 'Primary', 'Button'),
    entry('Components/Button', 'Secondary', 'Button'),
    entry('Components/Button', 'Small', 'Button'),
    entry('Components/ProductCard', 'Default', 'ProductCard'),
    entry('Components/ProductCard', 'Docs', 'ProductCard', 'docs'),
  ]),
};

const literals = (...values: string[]) => ({ name: 'enum', raw: values.map((v) => `"${v}"`).join(' | '), value: values.map((v) => ({ value: `"${v}"` })) });
const prop = (name: string, type: object, description: string, opts: { required?: boolean; default?: string | boolean } = {}) => ({
  defaultValue: opts.default === undefined ? null : { value: opts.default },
  description,
  name,
  parent: { fileName: 'src/components/types.ts', name: 'Props' },
  declarations: [{ fileName: 'src/components/types.ts', name: 'Props' }],
  required: opts.required ?? false,
  type,
});

/** react-docgen-typescript output (`shouldExtractLiteralValuesFromEnum`) for the three components. */
export const sampleDocgen = [
  {
    tags: {},
    filePath: 'src/components/Button.tsx',
    description: 'Starts an action.',
    displayName: 'Button',
    methods: [],
    props: {
      variant: prop('variant', literals('primary', 'secondary', 'ghost'), 'Visual emphasis.', { default: 'primary' }),
      size: prop('size', literals('sm', 'md', 'lg'), 'Height and padding.', { default: 'md' }),
      label: prop('label', { name: 'string' }, 'Text on the button.', { default: 'Button' }),
      disabled: prop('disabled', { name: 'boolean' }, 'Greys the button out and ignores clicks.', { default: false }),
      onClick: prop('onClick', { name: '(event: MouseEvent<HTMLButtonElement>) => void' }, 'Called on click.'),
      className: prop('className', { name: 'string' }, 'Extra classes.'),
    },
  },
  {
    tags: {},
    filePath: 'src/components/Badge.tsx',
    description: 'Small status label.',
    displayName: 'Badge',
    methods: [],
    props: {
      tone: prop('tone', literals('neutral', 'info', 'success'), 'Colour of the badge.', { default: 'neutral' }),
      children: prop('children', { name: 'ReactNode' }, 'The label.', { required: true }),
      className: prop('className', { name: 'string' }, 'Extra classes.'),
    },
  },
  {
    tags: {},
    filePath: 'src/components/ProductCard.tsx',
    description: 'Product tile used in grids and carousels.',
    displayName: 'ProductCard',
    methods: [],
    props: {
      title: prop('title', { name: 'string' }, 'Product name.', { required: true }),
      price: prop('price', { name: 'string' }, 'Formatted price.', { required: true }),
      showBadge: prop('showBadge', { name: 'boolean' }, 'Shows the "New" badge.', { default: false }),
      onAddToCart: prop('onAddToCart', { name: '() => void' }, 'Called by the add button.'),
      className: prop('className', { name: 'string' }, 'Extra classes.'),
    },
  },
];

/** Storybook 10's components manifest (`manifests/components.json`) of the same build: each component by its story
 *  ids' prefix, its stories file, its stories and the react-docgen-typescript props it extracted — the props of
 *  `sampleDocgen`, so either document gives the registry the same rows. */
export const sampleComponentsManifest = {
  v: 0,
  components: Object.fromEntries(
    sampleDocgen.map((doc) => {
      const id = `components-${doc.displayName.toLowerCase()}`;
      const stories = Object.values(sampleStorybookIndex.entries)
        .filter((e) => e.type === 'story' && e.id.startsWith(`${id}--`))
        .map((e) => ({ id: e.id, name: e.name }));
      return [id, { id, name: doc.displayName, path: `./src/components/${doc.displayName}.stories.tsx`, description: doc.description, import: `import { ${doc.displayName} } from './${doc.displayName}';`, stories, reactDocgenTypescript: doc }];
    }),
  ),
};

/** Code Connect JSON (`figma connect parse`) connecting Button to the sample's Button set. */
export const sampleCodeConnect = [
  {
    figmaNode: sampleFigmaUrl(SAMPLE_FIGMA_NODES.button),
    component: 'Button',
    variant: {},
    source: 'src/components/Button.tsx',
    sourceLocation: { line: 5 },
    template: "const figma = require('figma')\nexport default figma.tsx`<Button />`",
    templateData: {
      props: {
        variant: { kind: 'enum', args: { figmaPropName: 'Variant', valueMapping: { Primary: 'primary', Secondary: 'secondary' } } },
        size: { kind: 'enum', args: { figmaPropName: 'Size', valueMapping: { Medium: 'md', Small: 'sm' } } },
        label: { kind: 'string', args: { figmaPropName: 'Label' } },
      },
      imports: ["import { Button } from './Button'"],
      nestable: true,
    },
    language: 'typescript',
    label: 'React',
    metadata: { cliVersion: '1.3.1' },
  },
];
