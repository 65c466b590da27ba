import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOW_FILE, SAMPLE_FLOW_VARIABLES, SAMPLE_LEGACY_FLOW_PAGE } from '../samples/actionflow-prototype';
import { buildActionFlow, buildActionFlows } from './build';
import type { FlowEdge } from './types';

const flow = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1', variableNames: SAMPLE_FLOW_VARIABLES });
const edge = (id: string): FlowEdge => {
  const found = flow.edges.find((e) => e.id === id);
  if (!found) throw new Error(`no edge ${id}`);
  return found;
};

describe('buildActionFlow on the sample prototype', () => {
  it('draws the top-level frames (sections flattened) in canvas order, then the off-page CHANGE_TO holder', () => {
    expect(flow.screens.map((s) => [s.id, s.name, s.kind])).toEqual([
      ['1:1', 'Welcome', 'frame'],
      ['1:10', 'Sign in', 'frame'],
      ['1:20', 'Home', 'frame'],
      ['1:30', 'Help tooltip', 'frame'],
      ['1:31', 'Error dialog', 'frame'],
      ['1:32', 'Menu', 'frame'],
      ['1:50', 'Profile', 'frame'],
      ['2:1', 'Cart', 'frame'],
      ['2:10', 'Payment success', 'frame'],
      ['3:1', 'Old onboarding', 'frame'],
      ['5:1', 'Toggle', 'offPage'],
    ]);
    expect(flow.screens.find((s) => s.id === '5:1')?.pageId).toBe('0:2');
    expect(flow.screens.filter((s) => s.overlay).map((s) => s.id)).toEqual(['1:30', '1:31', '1:32']);
  });

  it('reads every action kind, trigger and navigation of the sample', () => {
    expect(new Set(flow.edges.map((e) => e.action))).toEqual(
      new Set(['NODE', 'BACK', 'CLOSE', 'URL', 'SET_VARIABLE', 'SET_VARIABLE_MODE', 'UPDATE_MEDIA_RUNTIME']),
    );
    expect(new Set(flow.edges.map((e) => e.navigation).filter(Boolean))).toEqual(new Set(['NAVIGATE', 'SWAP', 'OVERLAY', 'SCROLL_TO', 'CHANGE_TO']));
    expect(new Set(flow.edges.map((e) => e.trigger.type))).toEqual(
      new Set(['ON_CLICK', 'ON_HOVER', 'ON_PRESS', 'ON_DRAG', 'AFTER_TIMEOUT', 'MOUSE_ENTER', 'MOUSE_LEAVE', 'MOUSE_UP', 'MOUSE_DOWN', 'ON_KEY_DOWN', 'ON_MEDIA_HIT', 'ON_MEDIA_END']),
    );
    expect(flow.counts).toEqual({ screens: 11, edges: 30, navigationEdges: 16, interactions: 27, legacyEdges: 2, flows: 2 });
  });

  it('lists edges in layer order with stable ids (same input, same JSON)', () => {
    expect(flow.edges.slice(0, 6).map((e) => e.id)).toEqual(['1:1#0.0', '1:2#0.0', '1:4#0.0', '1:5#0.0', '1:11#0.0/0.0', '1:11#0.0/0.1']);
    const again = buildActionFlow(structuredClone(SAMPLE_FLOW_FILE), { pageId: '0:1', variableNames: SAMPLE_FLOW_VARIABLES });
    expect(JSON.stringify(again)).toBe(JSON.stringify(flow));
  });

  it('keeps trigger parameters, transitions and the temporary nature of hover/press', () => {
    expect(edge('1:1#0.0')).toMatchObject({ trigger: { type: 'AFTER_TIMEOUT', timeoutMs: 5000 }, destination: { kind: 'screen', screenId: '1:10' } });
    expect(edge('1:2#0.0').transition).toEqual({ type: 'PUSH', direction: 'LEFT', durationMs: 400, easing: 'EASE_IN_AND_OUT' });
    expect(edge('1:13#0.0').trigger).toEqual({ type: 'ON_KEY_DOWN', device: 'KEYBOARD', keyCodes: [13] });
    expect(edge('1:22#0.0').trigger).toEqual({ type: 'ON_MEDIA_HIT', mediaHitTime: 5 });
    expect(edge('1:29#1.0').trigger).toEqual({ type: 'MOUSE_ENTER', delayMs: 200 });
    expect(edge('1:5#0.0')).toMatchObject({ temporary: true, navigation: 'OVERLAY', destination: { screenId: '1:30' } });
    expect(edge('1:29#0.0').temporary).toBe(true);
    expect(edge('1:2#0.0').temporary).toBeUndefined();
  });

  it('flattens the CONDITIONAL into its two branches, with the condition named and the SET_VARIABLE value', () => {
    const branches = flow.edges.filter((e) => e.sourceNodeId === '1:11');
    expect(branches.map((e) => [e.id, e.action, e.branch])).toEqual([
      ['1:11#0.0/0.0', 'SET_VARIABLE', [{ action: 0, block: 0, condition: '{isValid} == true' }]],
      ['1:11#0.0/0.1', 'NODE', [{ action: 0, block: 0, condition: '{isValid} == true' }]],
      ['1:11#0.0/1.0', 'NODE', [{ action: 0, block: 1, condition: 'else' }]],
    ]);
    expect(branches[0]?.variable).toEqual({ variableId: 'VariableID:1:2', name: 'loggedIn', value: 'true' });
    expect(branches[1]?.destination).toEqual({ kind: 'screen', screenId: '1:20', nodeId: '1:20' });
    expect(branches[2]).toMatchObject({ navigation: 'OVERLAY', destination: { screenId: '1:31' } });
  });

  it('resolves SCROLL_TO inside the screen, CHANGE_TO to the variant on the other page, media and mode actions in place', () => {
    expect(edge('1:24#0.0').destination).toEqual({ kind: 'screen', screenId: '1:20', nodeId: '1:25' });
    expect(edge('1:27#0.0').destination).toEqual({ kind: 'screen', screenId: '5:1', nodeId: '5:2' });
    expect(edge('1:23#0.0')).toMatchObject({ destination: { kind: 'self' }, media: { action: 'TOGGLE_PLAY_PAUSE', targetId: '1:22' } });
    expect(edge('1:14#0.0')).toMatchObject({ destination: { kind: 'self' }, variableMode: { collectionId: 'VariableCollectionId:1:1', modeId: '1:2' } });
    expect(edge('1:4#0.0').destination).toEqual({ kind: 'url', url: 'https://example.com/about?a=1&b="x"#top' });
    expect(edge('1:12#0.0').destination).toEqual({ kind: 'back' });
    expect(edge('1:34#0.0').destination).toEqual({ kind: 'close' });
  });

  it('reads the legacy transitionNodeID: alone as an ON_CLICK NAVIGATE edge, and filling a null destinationId', () => {
    expect(edge('2:4#legacy')).toEqual({
      id: '2:4#legacy',
      from: '2:1',
      sourceNodeId: '2:4',
      sourceName: 'Legacy next',
      trigger: { type: 'ON_CLICK' },
      action: 'NODE',
      navigation: 'NAVIGATE',
      destination: { kind: 'screen', screenId: '2:10', nodeId: '2:10' },
      transition: { durationMs: 200, easing: 'EASE_IN' },
      legacy: 'transitionNodeID',
    });
    expect(edge('2:5#0.0')).toMatchObject({ legacy: 'destinationFromTransitionNodeID', destination: { kind: 'screen', screenId: '2:10' } });
    // a node with interactions does not get a second, legacy edge
    expect(flow.edges.filter((e) => e.sourceNodeId === '2:5')).toHaveLength(1);
  });

  it('leaves hidden layers out: they cannot be clicked', () => {
    expect(flow.edges.some((e) => e.sourceNodeId === '1:6')).toBe(false);
  });

  it('starts the two flows at the flowStartingPoints and lists what each reaches, breadth first', () => {
    expect(flow.flows).toEqual([
      { name: 'Onboarding', startScreenId: '1:1', source: 'flowStartingPoints', reachable: ['1:1', '1:10', '1:30', '1:20', '1:31', '1:32', '1:50', '2:1', '2:10'] },
      { name: 'Checkout', startScreenId: '2:1', source: 'flowStartingPoints', reachable: ['2:1', '2:10'] },
    ]);
  });

  it('reports the unreachable screen, the dead end, the flow end and both edges to missing nodes', () => {
    expect(flow.report).toMatchObject({
      entry: 'flowStartingPoints',
      unreachable: ['3:1'],
      deadEnds: ['1:50'],
      flowEnds: ['2:10'],
      missingStarts: [],
      missing: [
        { edgeId: '2:3#0.0', sourceNodeId: '2:3', destinationId: '9:999', reason: 'not-in-input' },
        { edgeId: '2:6#0.0', sourceNodeId: '2:6', destinationId: null, reason: 'null-destination' },
      ],
    });
    expect(flow.report.assumptions[0]).toBe("flows start at the page's 2 flowStartingPoints");
  });

  it('lets the caller name flow ends (id or name) or turn the name pattern off', () => {
    const named = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1', flowEnds: ['Profile'] });
    expect([named.report.deadEnds, named.report.flowEnds]).toEqual([[], ['1:50', '2:10']]);
    const strict = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1', flowEndPattern: null });
    expect([strict.report.deadEnds, strict.report.flowEnds]).toEqual([['1:50', '2:10'], []]);
  });

  it('is plain JSON: a round trip through JSON gives the same graph', () => {
    expect(JSON.parse(JSON.stringify(flow))).toEqual(flow);
  });
});

describe('buildActionFlows', () => {
  it('draws every page; the components page keeps its CHANGE_TO edges and reports nothing', () => {
    const [proto, components] = buildActionFlows(SAMPLE_FLOW_FILE);
    expect(proto?.counts.edges).toBe(30);
    expect(components?.page).toEqual({ id: '0:2', name: 'Components' });
    expect(components?.screens.map((s) => [s.id, s.kind])).toEqual([['5:1', 'component']]);
    expect(components?.edges.map((e) => [e.id, e.navigation, e.destination])).toEqual([
      ['5:4#0.0', 'CHANGE_TO', { kind: 'screen', screenId: '5:1', nodeId: '5:3' }],
      ['5:5#0.0', 'CHANGE_TO', { kind: 'screen', screenId: '5:1', nodeId: '5:2' }],
    ]);
    expect(components?.report).toMatchObject({ entry: 'none', unreachable: [], deadEnds: [], flowEnds: [] });
  });
});

describe('the legacy prototype form', () => {
  it('uses transitionNodeID links and the deprecated prototypeStartNodeID', () => {
    const legacy = buildActionFlow(SAMPLE_LEGACY_FLOW_PAGE);
    expect(legacy.edges.map((e) => [e.id, e.trigger.type, e.navigation, e.destination, e.transition])).toEqual([
      ['10:2#legacy', 'ON_CLICK', 'NAVIGATE', { kind: 'screen', screenId: '10:5', nodeId: '10:5' }, { durationMs: 300, easing: 'EASE_OUT' }],
      ['10:6#legacy', 'ON_CLICK', 'NAVIGATE', { kind: 'screen', screenId: '10:1', nodeId: '10:1' }, undefined],
    ]);
    expect(legacy.flows).toEqual([{ name: 'Prototype start', startScreenId: '10:1', source: 'prototypeStartNodeID', reachable: ['10:1', '10:5'] }]);
    expect(legacy.report).toMatchObject({ entry: 'prototypeStartNodeID', unreachable: ['10:9'], deadEnds: [], flowEnds: [] });
    expect(legacy.counts).toMatchObject({ edges: 2, legacyEdges: 2, interactions: 0 });
  });
});
