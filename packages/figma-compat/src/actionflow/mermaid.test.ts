import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOW_FILE, SAMPLE_FLOW_VARIABLES } from '../samples/actionflow-prototype';
import { buildActionFlow } from './build';
import { mermaidLabel, toMermaid } from './mermaid';
import { checkMermaid } from './mermaid-grammar.test-helpers';

const flow = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1', variableNames: SAMPLE_FLOW_VARIABLES });

describe('toMermaid', () => {
  it('(the grammar check itself rejects a raw quote, an HTML tag and an edge to an undeclared node)', () => {
    expect(() => checkMermaid('flowchart LR\n  s_a["a"b"]')).toThrow(/not valid/);
    expect(() => checkMermaid('flowchart LR\n  s_a["<b>"]')).toThrow(/not valid/);
    expect(() => checkMermaid('flowchart LR\n  s_a["a"]\n  s_a -->|"x"| s_b')).toThrow(/undeclared s_b/);
  });

  it('writes the sample as valid flowchart text: every screen, flow start, edge and finding', () => {
    const text = toMermaid(flow);
    checkMermaid(text);
    expect(text.startsWith('flowchart LR\n  s_1_1["Welcome"]\n')).toBe(true);
    expect(text).toContain('  s_1_30("Help tooltip")'); // overlays are rounded
    expect(text).toContain('  s_5_1[/"Toggle"/]'); // off-page target
    expect(text).toContain('  f0(["▶ Onboarding"])\n  f0 --> s_1_1');
    expect(text).toContain('  f1(["▶ Checkout"])\n  f1 --> s_2_1');
    expect(text).toContain('  s_1_10 -->|"Sign in button · on click · if {isValid} == true · navigate"| s_1_20');
    expect(text).toContain('  s_1_10 -.->|"Sign in button · on click · else · overlay"| s_1_31');
    expect(text).toContain('  s_1_10 -.->|"Sign in button · on click · if {isValid} == true · set loggedIn = true"| s_1_10');
    expect(text).toContain('  s_1_20 ==>|"Promo video · on media end · swap"| s_1_50');
    expect(text).toContain('  s_1_1 -->|"Welcome · after 5000ms · navigate"| s_1_10');
    expect(text).toContain('  x_url_https___example_com_about_a_1_b__x__top{{"https://example.com/about?a=1#amp;b=#quot;x#quot;#35;top"}}');
    expect(text).toContain('  s_2_1 -->|"Broken link · on click · navigate"| x_missing_9_999');
    expect(text).toContain('  x_missing_none_2_6_0_0["No destination"]');
    expect(text).toContain('  class s_3_1 unreachable');
    expect(text).toContain('  class s_1_50 deadEnd');
    expect(text).toContain('  class s_2_10 flowEnd');
    expect(text).toContain('  class x_missing_9_999,x_missing_none_2_6_0_0 missing');
    expect(text.match(/\|"/g)).toHaveLength(flow.edges.length);
  });

  it('is stable: the same graph gives the same text, and ids follow Figma ids, not positions', () => {
    expect(toMermaid(buildActionFlow(structuredClone(SAMPLE_FLOW_FILE), { pageId: '0:1', variableNames: SAMPLE_FLOW_VARIABLES }))).toBe(toMermaid(flow));
    const reordered = structuredClone(SAMPLE_FLOW_FILE);
    const pageNode = (reordered.document.children as { children: unknown[] }[])[0]!;
    pageNode.children.reverse();
    expect(toMermaid(buildActionFlow(reordered, { pageId: '0:1' }))).toContain('  s_1_1["Welcome"]');
  });

  it('draws only moves with navigationOnly', () => {
    const text = toMermaid(flow, { navigationOnly: true, direction: 'TD' });
    checkMermaid(text);
    expect(text.startsWith('flowchart TD\n')).toBe(true);
    expect(text).not.toContain('set loggedIn');
    expect(text).not.toContain('scroll to');
    expect(text).toContain('nav_back(("Back"))');
    expect(text).toContain('nav_close(("Close overlay"))');
  });

  it('escapes names that would break or inject into the chart', () => {
    const evil = 'A "quoted" <b>name</b> & #1 | `code`\nend';
    expect(mermaidLabel(evil)).toBe('"A #quot;quoted#quot; #lt;b#gt;name#lt;/b#gt; #amp; #35;1 #124; #96;code#96; end"');
    const text = toMermaid(
      buildActionFlow([
        { id: '1:1', type: 'FRAME', name: evil, children: [{ id: '1:2', type: 'TEXT', name: '-->|x| end', interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [{ type: 'NODE', destinationId: 'I1:1;2:3', navigation: 'NAVIGATE', transition: null }] }] }] },
        { id: 'I1:1;2:3', type: 'FRAME', name: 'end', children: [] },
        { id: 'I1:1:2:3', type: 'FRAME', name: 'clash', children: [] },
      ]),
    );
    checkMermaid(text);
    expect(text).toContain('  s_I1_1_2_3["end"]');
    expect(text).toContain('  s_I1_1_2_3_2["clash"]'); // two ids that sanitise alike stay distinct
    expect(text).toContain('  s_1_1 -->|"--#gt;#124;x#124; end · on click · navigate"| s_I1_1_2_3');
  });
});
