// Test helpers: design and code components written in one line each, shaped as design/rows.ts and registry/props.ts
// produce them (a BOOLEAN/TEXT/INSTANCE_SWAP key carries Figma's "#id" suffix; code props sorted by name).
import type { CodeComponent, CodeProp, CodeStory, DesignComponent, DesignProp } from './types';

let nextId = 0;
const id = (name: string) => `${name}#${++nextId}:0`;

export const variant = (name: string, options: string[], dflt?: string): DesignProp => ({ key: name, name, type: 'VARIANT', options, ...(dflt !== undefined ? { default: dflt } : {}) });
export const bool = (name: string, dflt?: boolean): DesignProp => ({ key: id(name), name, type: 'BOOLEAN', ...(dflt !== undefined ? { default: dflt } : {}) });
export const text = (name: string, dflt?: string): DesignProp => ({ key: id(name), name, type: 'TEXT', ...(dflt !== undefined ? { default: dflt } : {}) });
export const swap = (name: string, dflt?: string): DesignProp => ({ key: id(name), name, type: 'INSTANCE_SWAP', ...(dflt !== undefined ? { default: dflt } : {}) });

type Dflt = CodeProp['default'];
const withDefault = (p: CodeProp, dflt: Dflt | undefined): CodeProp => (dflt === undefined ? p : { ...p, default: dflt });
export const cEnum = (name: string, values: string[], dflt?: Dflt): CodeProp => withDefault({ name, kind: 'enum', type: values.map((v) => `'${v}'`).join(' | '), values }, dflt);
export const cBool = (name: string, dflt?: Dflt): CodeProp => withDefault({ name, kind: 'boolean', type: 'boolean' }, dflt);
export const cStr = (name: string, dflt?: Dflt): CodeProp => withDefault({ name, kind: 'string', type: 'string' }, dflt);
export const cNum = (name: string, dflt?: Dflt): CodeProp => withDefault({ name, kind: 'number', type: 'number' }, dflt);
export const cNode = (name: string, dflt?: Dflt): CodeProp => withDefault({ name, kind: 'node', type: 'ReactNode' }, dflt);
export const cFn = (name: string): CodeProp => ({ name, kind: 'function', type: '() => void' });
export const cOther = (name: string, type: string): CodeProp => ({ name, kind: 'other', type });

export function design(name: string, props: DesignProp[], boundVariables: string[] = []): DesignComponent {
  return { fileKey: 'FILEKEY0001', nodeId: '1:1', name, type: props.some((p) => p.type === 'VARIANT') ? 'COMPONENT_SET' : 'COMPONENT', props, boundVariables };
}

export function code(name: string, props: CodeProp[], stories: CodeStory[] = []): CodeComponent {
  return { key: `Components/${name}`, name, props: [...props].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), stories };
}

export function story(name: string, opts: { args?: CodeStory['args']; tags?: string[]; type?: CodeStory['type'] } = {}): CodeStory {
  return { id: `components-x--${name.toLowerCase().replace(/\W+/g, '-')}`, name, type: opts.type ?? 'story', tags: opts.tags ?? ['dev'], ...(opts.args ? { args: opts.args } : {}) };
}
