import { UI_JSON_LIMITS } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { sanitizeUiJson } from './sanitize';
import { validateUiJson } from './validate';
import { EMPTY_VOCAB } from './samples.test-helpers';

const page = (components: unknown[], extra: Record<string, unknown> = {}) => ({
  schema: 'cogo_ui_json',
  version: '1.0',
  page: { id: 'p', name: 'P', source: { kind: 'generated', generator: 'llm' }, sections: [{ id: 's', type: 'hero', name: 'S', blocks: [{ id: 'b', type: 'stack', components }] }], ...extra },
});
const C = 'page.sections[0].blocks[0].components';

describe('sanitizeUiJson', () => {
  it('drops __proto__, constructor and prototype keys (as JSON.parse makes them) without polluting anything', () => {
    const raw: unknown = JSON.parse(
      '{"__proto__":{"polluted":true},"schema":"cogo_ui_json","page":{"constructor":{"prototype":{"polluted":true}},"prototype":"x","props":{"__proto__":{"isAdmin":true},"ok":1}}}',
    );
    const { value, pruned } = sanitizeUiJson(raw);
    expect(pruned).toEqual([
      { path: '__proto__', reason: 'unsafe_key' },
      { path: 'page.constructor', reason: 'unsafe_key' },
      { path: 'page.prototype', reason: 'unsafe_key' },
      { path: 'page.props.__proto__', reason: 'unsafe_key' },
    ]);
    expect(value).toEqual({ schema: 'cogo_ui_json', page: { props: { ok: 1 } } });
    const v = value as { page: { props: object } };
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(v.page.props)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:void(0)',
    '  javascript:x',
    'java\tscript:x',
    'java\nscript:x',
    'java\u0000script:x',
    '&#106;avascript:x',
    '&#0000106avascript:x',
    '&#x6A;avascript&colon;x',
    'jav&Tab;ascript:x',
    '&amp;#106;avascript:x',
    'vbscript:msgbox(1)',
    'VBScript:x',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:,x',
  ])('cuts the script URL %j', (url) => {
    const { value, pruned } = sanitizeUiJson(page([{ id: 'a', type: 'link', props: { href: url }, actions: [{ on: 'click', type: 'open_url', url }] }]));
    expect(pruned).toEqual([
      { path: `${C}[0].props.href`, reason: 'unsafe_url' },
      { path: `${C}[0].actions[0].url`, reason: 'unsafe_url' },
    ]);
    expect((value as ReturnType<typeof page>).page.sections[0]!.blocks[0]!.components).toEqual([{ id: 'a', type: 'link', props: {}, actions: [{ on: 'click', type: 'open_url' }] }]);
  });

  it.each(['https://acme.test/a?b=c', '/signup', '#features', 'mailto:hi@acme.test', 'Data: 5 items', 'Learn JavaScript: the good parts', 'Please confirm (optional)'])('keeps %j', (text) => {
    expect(sanitizeUiJson(page([{ id: 'a', type: 'text', text }])).pruned).toEqual([]);
  });

  it('cuts event-handler keys holding strings and handler code in any string', () => {
    const props = { onClick: 'alert(1)', onclick: 'go()', onerror: 'x', on_tap: 'y', online: 'yes', onboarding: 'step 1', onCount: 3 };
    const { value, pruned } = sanitizeUiJson(
      page([
        { id: 'a', type: 'button', props, text: '<script>alert(1)</script>' },
        { id: 'b', type: 'text', text: '<img src=x onerror=alert(1)>' },
        { id: 'c', type: 'text', text: '&lt;script&gt;steal()&lt;/script&gt;' },
        { id: 'd', type: 'text', text: 'eval (document.cookie)' },
      ]),
    );
    expect(pruned).toEqual([
      { path: `${C}[0].props.onClick`, reason: 'event_handler' },
      { path: `${C}[0].props.onclick`, reason: 'event_handler' },
      { path: `${C}[0].props.onerror`, reason: 'event_handler' },
      { path: `${C}[0].props.on_tap`, reason: 'event_handler' },
      { path: `${C}[0].text`, reason: 'event_handler' },
      { path: `${C}[1].text`, reason: 'event_handler' },
      { path: `${C}[2].text`, reason: 'event_handler' },
      { path: `${C}[3].text`, reason: 'event_handler' },
    ]);
    const comps = (value as ReturnType<typeof page>).page.sections[0]!.blocks[0]!.components as Array<Record<string, unknown>>;
    expect(comps[0]).toEqual({ id: 'a', type: 'button', props: { online: 'yes', onboarding: 'step 1', onCount: 3 } });
  });

  it('cuts component nesting past maxDepth (50 deep → the 13th level goes, reported once)', () => {
    let node: Record<string, unknown> = { id: 'n50', type: 'container' };
    for (let i = 49; i >= 1; i--) node = { id: `n${i}`, type: 'container', children: [node] };
    const { value, pruned } = sanitizeUiJson(page([node]));
    expect(pruned).toEqual([{ path: `${C}[0]${'.children[0]'.repeat(UI_JSON_LIMITS.maxDepth)}`, reason: 'too_deep' }]);
    let depth = 0;
    for (let n: any = (value as any).page.sections[0].blocks[0].components[0]; n; n = n.children?.[0]) depth++;
    expect(depth).toBe(UI_JSON_LIMITS.maxDepth);
    expect(validateUiJson(value, EMPTY_VOCAB).ok).toBe(true);
  });

  it('cuts JSON nesting far past any document without overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { pruned } = sanitizeUiJson({ page: { x: deep } });
    expect(pruned).toEqual([{ path: `page.x${'[0]'.repeat(62)}`, reason: 'too_deep' }]);
  });

  it('keeps the first maxNodes nodes in document order: 5,000 components → the rest of the array as one entry', () => {
    const components = Array.from({ length: 5_000 }, (_, i) => ({ id: `c${i}`, type: 'text', text: `t${i}` }));
    const { value, pruned } = sanitizeUiJson(page(components));
    // the section and the block are nodes too
    expect(pruned).toEqual([{ path: `${C}[1998..4999]`, reason: 'too_many_nodes' }]);
    const kept = (value as ReturnType<typeof page>).page.sections[0]!.blocks[0]!.components;
    expect(kept).toHaveLength(UI_JSON_LIMITS.maxNodes - 2);
    const result = validateUiJson(value, EMPTY_VOCAB);
    expect(result.ok && result.report.nodes).toBe(UI_JSON_LIMITS.maxNodes);
  });

  it('reports each array the node budget ends in, a last element by its own path', () => {
    const section = (s: number) => ({ id: `s${s}`, type: 'hero', name: 'S', blocks: [{ id: `b${s}`, type: 'stack', components: Array.from({ length: 1_500 }, (_, i) => ({ id: `c${s}-${i}`, type: 'text' })) }] });
    const raw = { schema: 'cogo_ui_json', version: '1.0', page: { id: 'p', name: 'P', source: { kind: 'generated', generator: 'llm' }, sections: [section(0), section(1), section(2)] } };
    expect(sanitizeUiJson(raw).pruned).toEqual([
      { path: 'page.sections[1].blocks[0].components[496..1499]', reason: 'too_many_nodes' },
      { path: 'page.sections[2]', reason: 'too_many_nodes' },
    ]);
  });

  it('truncates strings over maxStringChars (never inside a surrogate pair) and says so', () => {
    const long = 'x'.repeat(20_000);
    const emoji = `${'y'.repeat(UI_JSON_LIMITS.maxStringChars - 1)}😀tail`;
    const { value, pruned } = sanitizeUiJson(page([{ id: 'a', type: 'text', text: long, props: { alt: emoji } }]));
    expect(pruned).toEqual([
      { path: `${C}[0].text`, reason: 'too_long' },
      { path: `${C}[0].props.alt`, reason: 'too_long' },
    ]);
    const comp = (value as any).page.sections[0].blocks[0].components[0];
    expect(comp.text).toBe('x'.repeat(UI_JSON_LIMITS.maxStringChars));
    expect(comp.props.alt).toBe('y'.repeat(UI_JSON_LIMITS.maxStringChars - 1));
  });

  it('drops values JSON cannot hold and quotes keys that are not identifiers', () => {
    const { value, pruned } = sanitizeUiJson({ a: Number.NaN, b: () => 1, c: undefined, 'data-x': 'javascript:x', d: [1, Infinity] });
    expect(pruned).toEqual([
      { path: 'a', reason: 'invalid' },
      { path: 'b', reason: 'invalid' },
      { path: '["data-x"]', reason: 'unsafe_url' },
      { path: 'd[1]', reason: 'invalid' },
    ]);
    expect(value).toEqual({ d: [1] });
  });

  it('never mutates its input', () => {
    const raw = JSON.parse('{"__proto__":{"a":1},"page":{"props":{"onClick":"alert(1)","href":"javascript:x"}}}');
    const before = JSON.stringify(raw);
    const frozen = Object.freeze(raw);
    sanitizeUiJson(frozen);
    expect(JSON.stringify(raw)).toBe(before);
    expect(Object.keys(raw)).toContain('__proto__');
  });
});
