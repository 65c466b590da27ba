import { describe, expect, it } from 'vitest';
import { jobResultView } from '../lib/job-result';

describe('jobResultView', () => {
  it('a rename: its names old → new, with the failed and adjusted counted, and where it was read from', () => {
    const view = jobResultView(
      'rename-layers',
      { layers: [{ id: '1:2', old_name: 'Frame 12', name: 'Hero' }, { id: '1:3', old_name: 'Rectangle 4', name: 'Hero Background' }], failed: [{ id: '1:4', code: 'LLM_BAD_OUTPUT', message: 'x' }], adjusted: ['1:3'], partial: true },
      true,
    );
    expect(view.renames).toEqual([
      { id: '1:2', from: 'Frame 12', to: 'Hero' },
      { id: '1:3', from: 'Rectangle 4', to: 'Hero Background' },
    ]);
    expect(view.summary).toBe('2 layers renamed, 1 layer failed, 1 adjusted to the naming rules (read from its artifact)');
    expect(view.json).toBe('');
  });

  it('a rename with nothing failed, inline', () => {
    expect(jobResultView('rename-layers', { layers: Array.from({ length: 1200 }, (_, i) => ({ id: String(i), old_name: 'a', name: 'b' })), failed: [], adjusted: [] }, false).summary).toBe('1,200 layers renamed');
  });

  it('edits, images and other kinds: a line and the JSON', () => {
    const edits = jobResultView('generate-edits', { variants: [{}, {}], dropped: [{ node_id: 'x', property: 'fill' }] }, false);
    expect(edits.summary).toBe('2 variants, 1 edit dropped');
    expect(JSON.parse(edits.json)).toEqual({ variants: [{}, {}], dropped: [{ node_id: 'x', property: 'fill' }] });
    expect(jobResultView('generate-images', { images: [{ artifact_id: 'a' }] }, false).summary).toBe('1 image stored as an artifact');
    expect(jobResultView('figma-context', { pages: 3 }, false)).toEqual({ summary: 'result', renames: [], json: '{\n  "pages": 3\n}' });
  });
});
