import { describe, expect, it } from 'vitest';
import { SAMPLE_FLOW_FILE } from '../samples/actionflow-prototype';
import { buildActionFlow } from './build';
import { ActionFlowInputError } from './errors';
import { toMermaid } from './mermaid';
import { readStoredActionFlow, toActionFlowRow } from './row';
import { ACTION_FLOW_VERSION } from './types';

const flow = buildActionFlow(SAMPLE_FLOW_FILE, { pageId: '0:1' });

describe('the action_flows row', () => {
  it('carries the key, the version and the graph, and survives jsonb (a JSON round trip)', () => {
    const row = toActionFlowRow({ projectId: 'p-1', fileKey: 'FILE', fileVersion: '1001' }, flow, toMermaid(flow));
    expect({ ...row, graph: undefined, mermaid: undefined }).toEqual({
      projectId: 'p-1',
      fileKey: 'FILE',
      pageId: '0:1',
      pageName: 'Prototype',
      fileVersion: '1001',
      version: ACTION_FLOW_VERSION,
      graph: undefined,
      mermaid: undefined,
    });
    const stored = JSON.parse(JSON.stringify(row.graph)) as unknown;
    expect(readStoredActionFlow(stored)).toEqual(flow);
    expect(toActionFlowRow({ projectId: 'p', fileKey: 'F' }, flow, '').fileVersion).toBeNull();
  });

  it('refuses a stored graph of another version, or one missing its parts, with a typed error', () => {
    const read = (json: unknown) => {
      try {
        readStoredActionFlow(json);
      } catch (e) {
        if (e instanceof ActionFlowInputError) return [e.code, e.message];
        throw e;
      }
      return null;
    };
    expect(read({ ...flow, version: 99 })).toEqual(['ACTION_FLOW_UNSUPPORTED_VERSION', 'stored action flow version 99 is not 1: rebuild it from the design']);
    expect(read({ ...flow, edges: undefined })).toEqual(['ACTION_FLOW_BAD_INPUT', 'stored action flow has no `edges`']);
    expect(read([])).toEqual(['ACTION_FLOW_BAD_INPUT', 'a stored action flow must be a JSON object']);
  });
});
