// design-sync tests start where a user does: the Figma fake's sample file streamed and applied by figma-context (so
// its components are stored rows), then the sample Storybook build ingested into the registry.
import { SAMPLE_FILE_KEY } from '@cogo/fakes/samples';
import { api, runFigmaJob, type TestProject } from '../../../test/helpers';

/** POST/PATCH/GET a design-sync route with the project's key; answers the Response. */
export function ds(p: TestProject, path: string, init: { method?: string; json?: unknown } = {}): Promise<Response> {
  const method = init.method ?? (init.json === undefined ? 'GET' : 'POST');
  return api(`/design-sync/${path}`, { method, key: p.key, ...(init.json === undefined ? {} : { json: init.json }) });
}

/** Streams the sample file and applies every page; answers its file key and stored node ids by component name. */
export async function seedSampleDesign(p: TestProject): Promise<{ fileKey: string; nodes: Record<string, string> }> {
  const { job, events } = await runFigmaJob(p.key, { figma_url: `https://www.figma.com/design/${SAMPLE_FILE_KEY}/Storefront` });
  const names = new Map(events.filter((e) => e.event === 'page.ready').map((e) => [e.data.page_id as string, e.data.name as string]));
  const byPage = new Map<string, unknown[]>();
  for (const e of events.filter((x) => x.event === 'page.chunk')) {
    const list = byPage.get(e.data.page_id as string) ?? [];
    list.push(...(e.data.components as unknown[]));
    byPage.set(e.data.page_id as string, list);
  }
  const nodes: Record<string, string> = {};
  for (const [pageId, components] of byPage) {
    const res = await api('/figma-context/apply', { method: 'POST', key: p.key, json: { job_id: job.job_id, page: { node_id: pageId, name: names.get(pageId) ?? pageId, components } } });
    if (res.status !== 200) throw new Error(`apply failed: ${res.status} ${await res.text()}`);
    for (const c of components as Array<{ node_id: string; name: string; type: string }>) {
      if (c.type === 'COMPONENT_SET' || c.type === 'COMPONENT') nodes[c.name] ??= c.node_id;
    }
  }
  return { fileKey: SAMPLE_FILE_KEY, nodes };
}
