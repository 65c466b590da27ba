import { describe, expect, it } from 'vitest';
import { buildActionFlow } from './build';

type Node = Record<string, unknown>;
const go = (destinationId: string, navigation = 'NAVIGATE') => ({ type: 'NODE', destinationId, navigation, transition: null });
const link = (id: string, to: string, navigation = 'NAVIGATE'): Node => ({ id, type: 'TEXT', name: `to ${to}`, interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [go(to, navigation)] }] });
const screen = (id: string, name: string, ...children: Node[]): Node => ({ id, type: 'FRAME', name, children });
const page = (children: Node[], extra: Node = {}) => ({ id: '0:1', type: 'CANVAS', name: 'P', children, ...extra });

describe('entries when the file names no starting point', () => {
  it('assumes the roots (outgoing navigation, no incoming) start flows, and says so', () => {
    const flow = buildActionFlow(page([screen('1:1', 'A', link('1:2', '1:5')), screen('1:5', 'B', link('1:6', '1:1')), screen('2:1', 'C', link('2:2', '1:5')), screen('3:1', 'Lonely')]));
    // A and B form a cycle that C enters: C is the only root
    expect(flow.report.entry).toBe('roots');
    expect(flow.flows).toEqual([{ name: 'C', startScreenId: '2:1', source: 'roots', reachable: ['2:1', '1:5', '1:1'] }]);
    expect(flow.report.unreachable).toEqual(['3:1']);
    expect(flow.report.assumptions[0]).toMatch(/no starting point in the file: every screen with an outgoing link and no incoming navigation/);
  });

  it('takes the first navigating screen in canvas order when every one sits in a cycle', () => {
    const flow = buildActionFlow(page([screen('1:1', 'A', link('1:2', '1:5')), screen('1:5', 'B', link('1:6', '1:1'))]));
    expect(flow.flows.map((f) => [f.startScreenId, f.reachable])).toEqual([['1:1', ['1:1', '1:5']]]);
    expect(flow.report.assumptions[0]).toMatch(/in a cycle: the first of them in canvas order/);
  });

  it('takes a screen whose links all point outside the input as a root (a nodes response of one frame)', () => {
    const flow = buildActionFlow([screen('1:1', 'Overview', link('1:2', '9:9'))]);
    expect(flow.flows.map((f) => f.reachable)).toEqual([['1:1']]);
    expect(flow.report).toMatchObject({ entry: 'roots', unreachable: [], deadEnds: [], missing: [{ edgeId: '1:2#0.0', destinationId: '9:9', reason: 'not-in-input' }] });
  });

  it('reports every frame unreachable when there is no start and no link', () => {
    const flow = buildActionFlow(page([screen('1:1', 'A'), screen('1:5', 'B')]));
    expect(flow.report).toMatchObject({ entry: 'none', unreachable: ['1:1', '1:5'], deadEnds: [] });
    expect(flow.flows).toEqual([]);
  });

  it('reports a starting point that names no screen and falls back to the next rule', () => {
    const flow = buildActionFlow(page([screen('1:1', 'A', link('1:2', '1:5')), screen('1:5', 'B')], { flowStartingPoints: [{ nodeId: '8:8', name: 'Gone' }] }));
    expect(flow.report.missingStarts).toEqual([{ name: 'Gone', nodeId: '8:8' }]);
    expect(flow.report.entry).toBe('roots');
    expect(flow.report.assumptions[0]).toMatch(/no flowStartingPoint names a screen of this page/);
  });
});

describe('dead ends and flow ends', () => {
  it('counts BACK, CLOSE, URL and links (even broken ones, reported as missing) as exits; SCROLL_TO and variables are not', () => {
    const action = (id: string, a: Node): Node => ({ id, type: 'TEXT', name: id, interactions: [{ trigger: { type: 'ON_CLICK' }, actions: [a] }] });
    const flow = buildActionFlow(
      page(
        [
          screen('1:1', 'Start', link('1:2', '2:1'), link('1:3', '3:1'), link('1:4', '4:1'), link('1:5', '5:1'), link('1:6', '6:1'), link('1:7', '7:1')),
          screen('2:1', 'Has back', action('2:2', { type: 'BACK' })),
          screen('3:1', 'Has close', action('3:2', { type: 'CLOSE' })),
          screen('4:1', 'Has url', action('4:2', { type: 'URL', url: 'https://x.test' })),
          screen('5:1', 'Scrolls', { id: '5:3', type: 'FRAME', name: 'top' }, action('5:2', go('5:3', 'SCROLL_TO'))),
          screen('6:1', 'Sets', action('6:2', { type: 'SET_VARIABLE', variableId: 'V:1', variableValue: { value: 1 } })),
          screen('7:1', 'Broken', action('7:2', go('9:9'))),
        ],
        { flowStartingPoints: [{ nodeId: '1:1', name: 'Main' }] },
      ),
    );
    expect(flow.report.deadEnds).toEqual(['5:1', '6:1']);
    expect(flow.report.missing.map((m) => m.edgeId)).toEqual(['7:2#0.0']);
    expect(flow.report.unreachable).toEqual([]);
  });

  it('does not call an unreachable screen a dead end (it is reported once, as unreachable)', () => {
    const flow = buildActionFlow(page([screen('1:1', 'A', link('1:2', '1:5')), screen('1:5', 'B', link('1:6', '1:1')), screen('3:1', 'Island')], { flowStartingPoints: [{ nodeId: '1:1', name: 'M' }] }));
    expect(flow.report).toMatchObject({ unreachable: ['3:1'], deadEnds: [] });
  });
});
