// The Extract panel: the selection, the page or the whole file exported node by node by the main thread, uploaded
// and ingested (plugin-only: no Figma token), or a Figma URL read by the server with its token (URL mode); then the
// job streamed into a preview (pages, components, errors with their request id) and applied on confirmation.
import { applyFigmaPage, FigmaPageCollector, startFigmaJob, streamFigmaJob, toApplyPage, type StartFigmaJobResponse } from '@cogo/api-client';
import type { MainToUi } from '../lib/protocol';
import { UploadBuilder } from '../lib/upload';
import { connect, uploadExport, type Settings } from './api';
import { send } from './bridge';
import { $, describeError, h, status } from './dom';
import { checkUpdates } from './updates';

/** What the other panels read: the last upload (tokens derive from it) and the last URL. */
export const lastSource: { uploadId: string | null; figmaUrl: string | null } = { uploadId: null, figmaUrl: null };

let builder: UploadBuilder | null = null;
let fileKey: string | null = null;
let job: StartFigmaJobResponse | null = null;
let collector = new FigmaPageCollector();

/** Wires the panel; `settings()` gives the saved settings at call time. */
export function initExtract(settings: () => Settings): void {
  for (const scope of ['selection', 'page', 'file'] as const) {
    $(`extract-${scope}`).addEventListener('click', () => {
      reset();
      status('extract-status', 'Exporting…');
      send({ type: 'export.start', scope });
    });
  }
  $('extract-url').addEventListener('click', () => {
    const figmaUrl = $<HTMLInputElement>('figma-url').value.trim();
    if (!figmaUrl) return status('extract-status', 'Paste a Figma file URL first.', true);
    reset();
    void run(settings, async () => {
      lastSource.figmaUrl = figmaUrl;
      return startFigmaJob(connect(settings()).conn, { figma_url: figmaUrl });
    });
  });
  $('extract-apply').addEventListener('click', () => void apply(settings));
}

/** Handles the export messages of the main thread. */
export function onExportMessage(message: MainToUi, settings: () => Settings): void {
  if (message.type === 'export.begin') {
    builder = new UploadBuilder(message.name);
    fileKey = message.fileKey;
  } else if (message.type === 'export.node' && builder) {
    builder.add(message.node);
    status('extract-status', `Exported ${message.index + 1} of ${message.total} nodes (${message.node.name})`);
  } else if (message.type === 'export.done' && builder) {
    const b = builder;
    b.setFileData(message.variables, message.variableCollections, message.styles);
    const s = b.summary();
    $('extract-summary').textContent = `${s.pages} page(s), ${s.nodes} node(s), ${s.components} component(s), ${s.variables} variable(s), ${s.styles} style(s), ${(s.bytes / 1024).toFixed(0)} KB`;
    void run(settings, async () => {
      const uploaded = await uploadExport(connect(settings()).client, b.parts(), b.name, fileKey);
      lastSource.uploadId = uploaded.uploadId;
      return uploaded.job;
    });
  }
}

function reset(): void {
  builder = null;
  job = null;
  collector = new FigmaPageCollector();
  $('extract-summary').textContent = '';
  $('extract-preview').replaceChildren();
  $<HTMLButtonElement>('extract-apply').disabled = true;
}

async function run(settings: () => Settings, start: () => Promise<StartFigmaJobResponse>): Promise<void> {
  try {
    status('extract-status', 'Starting the job…');
    job = await start();
    const { conn } = connect(settings());
    for await (const event of streamFigmaJob({ ...conn, jobId: job.job_id })) {
      collector.add(event);
      if (event.event === 'progress') status('extract-status', `Job ${job.job_id.slice(0, 8)}: ${event.data.chunks_done} of ${event.data.chunks_total} chunks`);
    }
    renderPreview();
    status('extract-status', `Job ${job.job_id.slice(0, 8)} done — review, then apply.`);
    $<HTMLButtonElement>('extract-apply').disabled = false;
  } catch (err) {
    status('extract-status', describeError(err), true);
  }
}

function renderPreview(): void {
  const rows = collector.pages().map((p) => h('li', `${p.name}: ${p.components.length} component(s)`, { 'data-testid': 'preview-page' }));
  $('extract-preview').replaceChildren(...rows);
}

async function apply(settings: () => Settings): Promise<void> {
  if (!job) return;
  const button = $<HTMLButtonElement>('extract-apply');
  button.disabled = true;
  try {
    const { conn } = connect(settings());
    const totals = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
    for (const page of collector.pages()) {
      const r = await applyFigmaPage(conn, { jobId: job.job_id, page: toApplyPage(page) });
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
    }
    status('extract-status', `Applied: ${totals.inserted} new, ${totals.updated} updated, ${totals.deleted} removed, ${totals.unchanged} unchanged.`);
    await checkUpdates(settings);
  } catch (err) {
    button.disabled = false;
    status('extract-status', describeError(err), true);
  }
}
