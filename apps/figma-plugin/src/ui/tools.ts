// The Tokens, Rename, Edits and Jobs panels. Rename: the selection's layers → POST /api/rename-layers → the job's
// events followed live (GET /api/jobs/{id}/events: batches and names as they arrive, a retry while it waits) → old →
// new preview → applied by the main thread in one undo step.
import { aiJobResult, readFrames, streamAiJob, TOKEN_FILES, tokensText, type components, type DerivedTokens, type TokenFormat } from '@cogo/api-client';
import { onJobEvent, progressText, startProgress } from '../lib/job-progress';
import type { LayerInput } from '../lib/rename';
import { renamePreview, type RenameRow } from '../lib/rename';
import { connect, ok, type Settings } from './api';
import { send } from './bridge';
import { $, describeError, h, status } from './dom';
import { lastSource } from './extract';

type Job = components['schemas']['AiJob'];
let rows: RenameRow[] = [];
let layersFor: 'rename' | 'edits' = 'rename';
/** The format the tokens output holds (what Download names its file after). */
let shownFormat: TokenFormat = 'dtcg';

/** Wires the four panels. */
export function initTools(settings: () => Settings): void {
  $('tokens-derive').addEventListener('click', () => void deriveTokens(settings));
  $('tokens-copy').addEventListener('click', () => copy($('tokens-output').textContent ?? ''));
  $('tokens-download').addEventListener('click', () => download(TOKEN_FILES[shownFormat], $('tokens-output').textContent ?? ''));
  $('rename-collect').addEventListener('click', () => ((layersFor = 'rename'), send({ type: 'layers.collect' })));
  $('rename-apply').addEventListener('click', () => send({ type: 'rename.apply', renames: rows.map((r) => ({ id: r.id, name: r.newName })) }));
  $('edits-run').addEventListener('click', () => ((layersFor = 'edits'), send({ type: 'layers.collect' })));
  $('jobs-refresh').addEventListener('click', () => void listJobs(settings));
}

/** The selection's layers arrived: start whichever panel asked for them. */
export function onLayers(layers: LayerInput[], settings: () => Settings): void {
  void (layersFor === 'rename' ? rename(layers, settings) : generateEdits(layers, settings));
}

async function deriveTokens(settings: () => Settings): Promise<void> {
  try {
    const source = lastSource.uploadId ? { upload_id: lastSource.uploadId } : lastSource.figmaUrl ? { figma_url: lastSource.figmaUrl } : null;
    if (!source) return status('tokens-status', 'Extract first: tokens come from the last export or URL.', true);
    status('tokens-status', 'Deriving…');
    const format = ($('tokens-format') as HTMLSelectElement).value as TokenFormat;
    const formats: TokenFormat[] = format === 'dtcg' ? ['dtcg'] : ['dtcg', format];
    const answer = ok(await connect(settings()).client.POST('/figma-compat/uui/variables/derive', { body: { ...source, formats } as never })) as DerivedTokens;
    $('tokens-output').textContent = tokensText(answer, format);
    shownFormat = format;
    status('tokens-status', `${answer.report.tokens.total} tokens as ${TOKEN_FILES[format]}: copy or download them.`);
  } catch (err) {
    status('tokens-status', describeError(err), true);
  }
}

async function rename(layers: LayerInput[], settings: () => Settings): Promise<void> {
  try {
    const { client, conn } = connect(settings());
    $('rename-preview').replaceChildren();
    $<HTMLButtonElement>('rename-apply').disabled = true;
    const queued = ok(await client.POST('/api/rename-layers', { body: { layers, dry_run: false } })) as { job_id: string; estimate: { model_calls: number } };
    let progress = startProgress(queued.estimate.model_calls);
    status('rename-status', progressText(progress));
    const events = streamAiJob(conn, { jobId: queued.job_id });
    let step = await events.next();
    while (!step.done) {
      progress = onJobEvent(progress, step.value);
      // the end is said with the names it brings (the job, in the stream's last frame), not before them
      if (progress.state === 'queued' || progress.state === 'running') status('rename-status', progressText(progress));
      step = await events.next();
    }
    const job: Job = step.value;
    // a large rename's names come from its artifact (result_artifact), fetched with the same key
    rows = renamePreview(((await aiJobResult(conn, job)) ?? { layers: [] }) as { layers: { id: string; old_name: string; name: string }[] });
    $('rename-preview').replaceChildren(...rows.map((r) => h('li', `${r.oldName} → ${r.newName}`, { 'data-testid': 'rename-row' })));
    $<HTMLButtonElement>('rename-apply').disabled = rows.length === 0;
    if (job.status !== 'completed') status('rename-status', `${progressText(progress)} — ${job.error ? `${job.error.code}: ${job.error.message}` : job.status}`, true);
    else status('rename-status', progressText(progress));
  } catch (err) {
    status('rename-status', describeError(err), true);
  }
}

async function generateEdits(layers: LayerInput[], settings: () => Settings): Promise<void> {
  const out = $('edits-output');
  out.textContent = '';
  try {
    const selection = layers.slice(0, 200).map(({ id, name, type, path, text }) => ({ id, name, type, path, ...(text ? { text } : {}) }));
    const body = { prompt: $<HTMLTextAreaElement>('edits-prompt').value, prompt_name: 'design-edits', selection, variants: 1, mode: 'stream' as const, dry_run: false };
    const answer = await connect(settings()).client.POST('/api/generate-edits', { body: body as never, parseAs: 'stream' });
    if (!answer.response.ok || !answer.response.body) return void ok(answer as never);
    for await (const frame of readFrames(answer.response.body, undefined, { failed: false })) {
      if (frame.event === 'edits.delta') out.textContent += (JSON.parse(frame.data) as { text: string }).text;
      else if (frame.event === 'edits.done') out.textContent = JSON.stringify(JSON.parse(frame.data), null, 2);
      else if (frame.event === 'error') status('edits-status', frame.data, true);
    }
  } catch (err) {
    status('edits-status', describeError(err), true);
  }
}

async function listJobs(settings: () => Settings): Promise<void> {
  try {
    const list = ok(await connect(settings()).client.GET('/api/jobs', { params: { query: { limit: 20 } } })) as { items: Job[] };
    $('jobs-list').replaceChildren(...list.items.map((j) => h('li', `${j.created_at.slice(0, 16)} · ${j.type} · ${j.status} · ${j.id.slice(0, 8)}`, { 'data-testid': 'job-row' })));
  } catch (err) {
    $('jobs-list').replaceChildren(h('li', describeError(err), { class: 'error' }));
  }
}

function copy(text: string): void {
  // the Clipboard API is not granted to plugin iframes: the selection-and-copy way works there
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function download(name: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: name.endsWith('.css') ? 'text/css' : 'application/json' }));
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
}
