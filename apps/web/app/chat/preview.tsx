// A generated page drawn from its preview tree (lib/ui-preview.ts): nested boxes laid out by the browser as a
// renderer would (flex and grid from the UI JSON's layout, its styles, token values where known), each box outlined
// by its level, labelled for screen readers and on hover.
'use client';
import type { CSSProperties } from 'react';
import type { PreviewNode } from '../../lib/ui-preview';

const TAG_STYLE: Record<string, CSSProperties> = {
  heading: { fontSize: '1.4rem', fontWeight: 700 },
  button: { display: 'inline-block', padding: '0.4rem 0.8rem', borderRadius: 6, border: '1px solid #2446c7', background: '#2446c7', color: '#fff', width: 'fit-content' },
  input: { border: '1px solid #9aa0ad', borderRadius: 4, padding: '0.35rem', color: '#5b6170', background: '#fff' },
  image: { minHeight: 80, background: '#e3e6ee', color: '#5b6170', display: 'flex', alignItems: 'center', justifyContent: 'center' },
  link: { color: '#2446c7', textDecoration: 'underline' },
  icon: { width: 20, height: 20, background: '#c9cede', borderRadius: 4 },
};

function Box({ node }: { node: PreviewNode }) {
  const style = { ...(node.level === 'component' ? TAG_STYLE[node.type] : undefined), ...(node.css as CSSProperties) };
  const title = node.tokens.length ? `${node.label} · tokens without a value here: ${node.tokens.join(', ')}` : node.label;
  return (
    <div className={`pv pv-${node.level}`} data-preview-id={node.id} data-type={node.type} title={title} style={style}>
      {node.level === 'section' ? <span className="pv-tag">{node.label}</span> : null}
      {node.text !== null ? <span>{node.text}</span> : null}
      {node.children.map((c) => (
        <Box key={c.id} node={c} />
      ))}
    </div>
  );
}

export function Preview({ root }: { root: PreviewNode }) {
  return (
    <div role="img" aria-label={`Preview of the generated page ${root.label}`} data-testid="ui-preview" className="pv-frame">
      <Box node={root} />
    </div>
  );
}
