// variables/derive on the Figma fake's sample file (the Storefront design every figma-context test reads): its one
// collection with Light and Dark modes — every variable a token in each mode, the alias kept as a reference in both —
// and its published styles with values from their nodes; the CSS and Tailwind outputs name them.
import { SAMPLE_FILE_KEY, SAMPLE_VARIABLE_IDS } from '@cogo/fakes/samples';
import { DerivedTokensResponseSchema } from '@cogo/types';
import { describe, expect, it } from 'vitest';
import { api, projectWithOwnFigmaToken } from '../../../test/helpers';

describe('POST /figma-compat/uui/variables/derive on the sample file', () => {
  it('converts every variable in every mode, keeps the alias, and adds the styles', async () => {
    const p = await projectWithOwnFigmaToken();
    const res = await api('/figma-compat/uui/variables/derive', { method: 'POST', key: p.key, json: { file_key: SAMPLE_FILE_KEY, formats: ['css', 'tailwind'] } });
    expect(res.status).toBe(200);
    const body = DerivedTokensResponseSchema.parse(await res.json());
    const variables = Object.keys(SAMPLE_VARIABLE_IDS).length;
    expect(body.report.variables).toBe(variables);
    const [collection] = body.report.collections;
    expect(body.report.collections).toHaveLength(1);
    // counts in = tokens out, per mode
    expect(collection!.modes.map((m) => [m.name, m.variables, m.tokens + m.extensions])).toEqual([
      ['Light', variables, variables],
      ['Dark', variables, variables],
    ]);
    expect(body.report.aliases).toMatchObject({ unresolved: 0, issues: [] });
    expect(body.report.aliases.resolved).toBe(body.report.aliases.total);
    expect(body.report.aliases.total).toBeGreaterThan(0);
    // the hover colour is an alias of the primary in both modes, by variable id
    const flat = JSON.stringify(body.tokens);
    expect(flat).toMatch(/"primary-hover":\{"\$type":"color","\$value":"\{[^"]*color\.brand\.primary\}"/);
    // every published style a token, its values from the style's own node (/nodes?ids=<style ids>)
    expect(body.report.styles.total).toBe(body.sources.styles);
    expect(body.report.styles.skipped).toEqual([]);
    expect(body.report.styles.tokens).toBe(body.report.styles.total);
    expect(body.css).toContain('--color-brand-primary: #2f5bea;');
    expect(body.css).toContain('--color-brand-primary: #6d8cff;');
    expect(body.tailwind).toContain('@theme {');
  });
});
