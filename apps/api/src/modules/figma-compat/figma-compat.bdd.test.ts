// POST /figma-compat/uui/bdd/generate through the Worker: the sign-in sample page read from the Figma fake (then
// again from the version cache with no Tier-1 call), inline, from a stored page and from its job; every feature
// parses with @cucumber/gherkin; `bdd_generated` on the body's trace; a page without frames answers warnings and no
// scenarios; bad input — a field of the wrong type, an unknown node, several pages and no node_id — a 4xx naming it.
import { BddGenerateResponseSchema } from '@cogo/types';
import { LOGIN_PAGE, SETTINGS_PAGE } from '@cogo/figma-compat/samples';
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { api, createTestProject, runFigmaJob } from '../../../test/helpers';
import { bddFile, busEventsOf, errorOf, newTrace, parsedScenarios } from './figma-compat.bdd.test-helpers';
import { figmaRequestsFor, newFileKey, putFigmaFile } from './figma-compat.test-helpers';

const GENERATE = '/figma-compat/uui/bdd/generate';
const generate = (key: string, json: unknown) => api(GENERATE, { method: 'POST', key, json });
// the test pool's bindings turn the version cache off (other tests inject faults on Figma calls): this one turns it on
const CACHE_ON = { ...env, FIGMA_VERSION_CACHE: 'true' };
const generateCached = (key: string, json: unknown) =>
  Promise.resolve(createApp().request(GENERATE, { method: 'POST', body: JSON.stringify(json), headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } }, CACHE_ON));

async function okBody(res: Response) {
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return BddGenerateResponseSchema.parse(json);
}

describe('POST /figma-compat/uui/bdd/generate', () => {
  it('generates the sign-in page from Figma; the same version again comes from the version cache with no Tier-1 call', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, bddFile());
    const trace = newTrace();
    const res = await generateCached(p.key, { source: { figma_url: `https://www.figma.com/design/${k}/Sample`, node_id: '0:1' }, trace_id: trace });
    const first = await okBody(res);
    expect(res.headers.get('x-trace-id')).toBe(trace);
    expect(res.headers.get('traceparent')).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));
    expect(first.trace_id).toBe(trace);
    expect(first.origin).toMatchObject({ kind: 'figma', file_key: k, node_id: '0:1', node_name: 'Login flow' });
    expect(first.origin.version).toBeTruthy();
    expect(first.origin.figma_calls).toMatchObject({ tier1: 1, tier2: 1, cached: 0 });
    // forms, inputs, buttons, links, navigation and prototype paths all made it into the feature
    expect(first.feature).toMatch(/^@figma\nFeature: Login flow\n/);
    for (const step of ['When I fill "Email" with', 'And I press "Sign in"', 'Then I see the "Dashboard" screen', 'When I click "Forgot password?"', 'When I choose "Profile" in the navigation', 'Then I see the "Help" overlay', 'Scenario Outline: Sign in with invalid credentials', 'Then the overlay closes']) {
      expect(first.feature).toContain(step);
    }
    expect(first.stats).toMatchObject({ screens: 5, forms: 2, inputs: 4, buttons: 4, paths: 9, scenarios: 12, outlines: 2, journeys: 1 });
    expect(first.warnings).toEqual([]);
    // the answer's scenarios are the parser's own reading of the text
    expect(first.scenarios).toEqual(parsedScenarios(first.feature));
    expect(first.scenarios).toHaveLength(first.stats.scenarios);

    const again = await okBody(await generateCached(p.key, { source: { file_key: k, node_id: '0:1' } }));
    expect(again.feature).toBe(first.feature);
    expect(again.origin.version).toBe(first.origin.version);
    expect(again.origin.figma_calls).toEqual({ tier1: 0, tier2: 1, cached: 1 });
    // Figma saw /meta twice and /nodes once
    expect(await figmaRequestsFor(k)).toEqual([`/v1/files/${k}/meta`, `/v1/files/${k}/nodes?ids=0%3A1`, `/v1/files/${k}/meta`]);

    const [event] = await busEventsOf(p.id, trace, 'bdd_generated');
    expect(event!.payload).toMatchObject({ file_key: k, node_id: '0:1', version: first.origin.version, scenarios: first.stats.scenarios });
  });

  it('generates from inline JSON, cut to max_scenarios with a warning; the text is the same as from Figma', async () => {
    const p = await createTestProject();
    const full = await okBody(await generate(p.key, { source: { document: bddFile() } }));
    expect(full.origin).toMatchObject({ kind: 'inline', file_key: null, version: null, node_id: '0:1', figma_calls: { tier1: 0, tier2: 0, cached: 0 } });
    expect(parsedScenarios(full.feature)).toHaveLength(full.stats.scenarios);
    const cut = await okBody(await generate(p.key, { source: { document: bddFile() }, max_scenarios: 2 }));
    expect(cut.scenarios).toHaveLength(2);
    expect(cut.warnings).toEqual([`${full.stats.scenarios - 2} scenario(s) left out: more than maxScenarios (2)`]);
    expect(parsedScenarios(cut.feature)).toHaveLength(2);
  });

  it('generates from a stored page (figma-context job, then apply) and from the job itself', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, bddFile());
    const { job } = await runFigmaJob(p.key, { file_key: k });
    const applied = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job.job_id, page: { node_id: '0:1', name: 'Login flow', components: [] } } });
    expect(applied.status).toBe(200);
    const { page_id } = (await applied.json()) as { page_id: string };

    const fromPage = await okBody(await generate(p.key, { source: { page_id } }));
    expect(fromPage.origin).toMatchObject({ kind: 'figma', file_key: k, node_id: '0:1' });
    const fromJob = await okBody(await generate(p.key, { source: { job_id: job.job_id } }));
    expect(fromJob.origin).toMatchObject({ kind: 'figma', file_key: k, node_id: '0:1' });
    const inline = await okBody(await generate(p.key, { source: { document: bddFile() } }));
    expect(fromPage.feature).toBe(inline.feature);
    expect(fromJob.feature).toBe(inline.feature);
  });

  it('a page without frames: a Feature without scenarios that parses, and a warning saying why', async () => {
    const p = await createTestProject();
    const empty = { id: '0:1', type: 'CANVAS', name: 'Notes', children: [{ id: '1:1', type: 'TEXT', name: 'Note', characters: 'Loose text' }] };
    const body = await okBody(await generate(p.key, { source: { document: bddFile([empty]) } }));
    expect(body.scenarios).toEqual([]);
    expect(body.stats.screens).toBe(0);
    expect(body.warnings).toEqual(['no screens: the page has no top-level frames']);
    expect(parsedScenarios(body.feature)).toEqual([]);
  });

  it('a node field of the wrong type is a 400 naming it, not a 500', async () => {
    const p = await createTestProject();
    const page = { ...LOGIN_PAGE, children: [{ id: '1:1', type: 'FRAME', name: 'A', children: [{ id: '1:2', type: 'TEXT', name: 5, characters: 'x' }] }] };
    const err = await errorOf(await generate(p.key, { source: { document: bddFile([page]) } }), 400);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({ code: 'BDD_INVALID_INPUT', path: 'page.children[0].children[0].name' });
    expect(err.message).toContain('page.children[0].children[0].name');
  });

  it('a whole DOCUMENT named by node_id is a 400 asking for one page', async () => {
    const p = await createTestProject();
    const k = newFileKey();
    await putFigmaFile(k, bddFile());
    const err = await errorOf(await generate(p.key, { source: { file_key: k, node_id: '0:0' } }), 400);
    expect(err.details).toMatchObject({ code: 'BDD_INVALID_INPUT', path: 'page.type' });
    expect(err.message).toContain('pass one of its pages');
  });

  it('an unknown node is a 404 naming it (inline and Figma)', async () => {
    const p = await createTestProject();
    const inline = await errorOf(await generate(p.key, { source: { document: bddFile(), node_id: '99:99' } }), 404);
    expect(inline.details).toMatchObject({ node_id: '99:99' });
    const k = newFileKey();
    await putFigmaFile(k, bddFile());
    const figma = await errorOf(await generate(p.key, { source: { file_key: k, node_id: '99:99' } }), 404);
    expect(figma.message).toContain('99:99');
  });

  it('several pages and no node_id is a 400 listing them', async () => {
    const p = await createTestProject();
    const two = bddFile([LOGIN_PAGE, SETTINGS_PAGE]);
    const inline = await errorOf(await generate(p.key, { source: { document: two } }), 400);
    expect(inline.details).toMatchObject({ pages: [{ id: '0:1', name: 'Login flow' }, { id: '0:2', name: 'Settings' }] });
    const k = newFileKey();
    await putFigmaFile(k, two);
    const figma = await errorOf(await generate(p.key, { source: { file_key: k } }), 400);
    expect(figma.details).toMatchObject({ pages: [{ id: '0:1', name: 'Login flow' }, { id: '0:2', name: 'Settings' }] });
    // naming one works
    expect((await okBody(await generate(p.key, { source: { file_key: k, node_id: '0:2' } }))).feature).toContain('Feature: Settings');
  });

  it('bad bodies are 400s: no source, two sources, max_scenarios out of range', async () => {
    const p = await createTestProject();
    for (const json of [{}, { source: {} }, { source: { file_key: 'abcdefgh', document: {} } }, { source: { document: bddFile() }, max_scenarios: 0 }, { source: { document: bddFile() }, max_scenarios: 501 }]) {
      expect((await errorOf(await generate(p.key, json), 400)).code).toBe('VALIDATION_FAILED');
    }
    expect((await errorOf(await generate(p.key, { source: { document: { nothing: true } } }), 422)).code).toBe('UNPROCESSABLE');
  });
});
