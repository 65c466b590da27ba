import { describe, expect, it } from 'vitest';
import type { CodeComponent, CodeProp, DesignComponent, DesignProp } from '../types';
import { suggestMappings } from './suggest';

const code = (key: string, props: Partial<CodeProp>[] = []): CodeComponent => ({
  key,
  name: key.split('/').at(-1)!,
  props: props.map((p) => ({ kind: 'other', type: 'string', name: '', ...p }) as CodeProp),
  stories: [],
});
const design = (fileKey: string, nodeId: string, name: string, props: DesignProp[] = []): DesignComponent => ({ fileKey, nodeId, name, type: 'COMPONENT_SET', props, boundVariables: [] });

const SIZE: DesignProp = { key: 'Size', name: 'Size', type: 'VARIANT', default: 'Medium', options: ['Small', 'Medium', 'Large'] };
const LABEL: DesignProp = { key: 'Label#1:0', name: 'Label', type: 'TEXT', default: 'Go' };
const sizeProp: Partial<CodeProp> = { name: 'size', kind: 'enum', type: "'sm' | 'md' | 'lg'", values: ['sm', 'md', 'lg'] };

describe('suggestMappings', () => {
  it('pairs by name and props, best first, with the Figma → code prop map and the confidence parts', () => {
    const s = suggestMappings(
      [code('Forms/TextInput', [{ name: 'label', kind: 'string', type: 'string' }]), code('Actions/Button', [sizeProp, { name: 'label', kind: 'string', type: 'string' }, { name: 'onClick', kind: 'function', type: '() => void' }])],
      [design('FILEKEY001', '1:1', 'Button', [SIZE, LABEL]), design('FILEKEY001', '2:1', 'Forms/Text Field', [LABEL])],
    );
    expect(s).toEqual([
      { component: 'Actions/Button', fileKey: 'FILEKEY001', nodeId: '1:1', confidence: 1, parts: { name: 1, props: 1 }, props: { Size: 'size', Label: 'label' } },
      { component: 'Forms/TextInput', fileKey: 'FILEKEY001', nodeId: '2:1', confidence: 0.94, parts: { name: 0.9, props: 1 }, props: { Label: 'label' } },
    ]);
  });

  it('takes each side once: the closer pair wins and the other component is left unsuggested', () => {
    const s = suggestMappings([code('A/Button', [sizeProp]), code('B/Button')], [design('FILEKEY001', '1:1', 'Button', [SIZE])]);
    expect(s.map((m) => m.component)).toEqual(['A/Button']);
  });

  it('tells apart equal node ids of two files and equal names of two code components', () => {
    const s = suggestMappings([code('Web/Badge'), code('Native/Badge')], [design('FILEKEY002', '1:1', 'Badge'), design('FILEKEY001', '1:1', 'Badge')]);
    expect(s.map((m) => [m.component, m.fileKey, m.nodeId]).sort()).toEqual([
      ['Native/Badge', 'FILEKEY001', '1:1'],
      ['Web/Badge', 'FILEKEY002', '1:1'],
    ].sort());
  });

  it('leaves out pairs below minConfidence (default 0.6), and has nothing to say without both sides', () => {
    const c = [code('Components/Card', [{ name: 'elevation', kind: 'number', type: 'number' }])];
    const d = [design('FILEKEY001', '1:1', 'Cards', [LABEL])];
    const [one] = suggestMappings(c, d, { minConfidence: 0 });
    expect(one!.confidence).toBeLessThan(0.6);
    expect(suggestMappings(c, d)).toEqual([]);
    expect(suggestMappings([], d)).toEqual([]);
    expect(suggestMappings(c, [])).toEqual([]);
    expect(suggestMappings([{ ...c[0]!, name: ' ' }], d, { minConfidence: 0 })).toEqual([]);
  });
});
