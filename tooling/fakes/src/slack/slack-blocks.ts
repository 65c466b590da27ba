// What Slack checks of an incoming-webhook message before posting it: JSON, something to show (`text` or `blocks`),
// and Block Kit's basic shape — the answers the real service gives (`invalid_payload`, `no_text`, `invalid_blocks`).

const BLOCK_TYPES = new Set(['section', 'header', 'divider', 'context', 'actions', 'image', 'rich_text', 'input', 'file', 'video']);
const MAX_BLOCKS = 50;
const SECTION_TEXT_MAX = 3_000;
const HEADER_TEXT_MAX = 150;
const FIELDS_MAX = 10;
const FIELD_TEXT_MAX = 2_000;

export type MessageCheck = { ok: true; message: Record<string, unknown> } | { ok: false; error: 'invalid_payload' | 'no_text' | 'invalid_blocks'; detail: string };

const isText = (v: unknown, types: readonly string[]): v is { type: string; text: string } =>
  typeof v === 'object' && v !== null && types.includes((v as { type?: unknown }).type as string) && typeof (v as { text?: unknown }).text === 'string';

function checkBlock(block: unknown, i: number): string | null {
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return `blocks[${i}] is not an object`;
  const b = block as Record<string, unknown>;
  if (typeof b.type !== 'string' || !BLOCK_TYPES.has(b.type)) return `blocks[${i}].type is unknown`;
  if (b.type === 'header') {
    if (!isText(b.text, ['plain_text'])) return `blocks[${i}].text must be plain_text`;
    if (b.text.text.length > HEADER_TEXT_MAX) return `blocks[${i}].text is over ${HEADER_TEXT_MAX} characters`;
  }
  if (b.type === 'section') {
    if (b.text === undefined && b.fields === undefined) return `blocks[${i}] needs text or fields`;
    if (b.text !== undefined) {
      if (!isText(b.text, ['plain_text', 'mrkdwn'])) return `blocks[${i}].text must be a text object`;
      if (b.text.text.length > SECTION_TEXT_MAX) return `blocks[${i}].text is over ${SECTION_TEXT_MAX} characters`;
    }
    if (b.fields !== undefined) {
      if (!Array.isArray(b.fields) || b.fields.length > FIELDS_MAX) return `blocks[${i}].fields must be at most ${FIELDS_MAX} text objects`;
      for (const f of b.fields) if (!isText(f, ['plain_text', 'mrkdwn']) || f.text.length > FIELD_TEXT_MAX) return `blocks[${i}].fields holds a bad text object`;
    }
  }
  if (b.type === 'context' && (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10)) return `blocks[${i}].elements must hold 1–10 elements`;
  return null;
}

/** Checks a webhook body as Slack does. */
export function checkMessage(raw: string): MessageCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'invalid_payload', detail: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'invalid_payload', detail: 'not an object' };
  const m = parsed as Record<string, unknown>;
  const hasText = typeof m.text === 'string' && m.text.trim() !== '';
  if (m.blocks !== undefined) {
    if (!Array.isArray(m.blocks) || m.blocks.length > MAX_BLOCKS) return { ok: false, error: 'invalid_blocks', detail: `blocks must be an array of at most ${MAX_BLOCKS}` };
    for (const [i, block] of m.blocks.entries()) {
      const problem = checkBlock(block, i);
      if (problem) return { ok: false, error: 'invalid_blocks', detail: problem };
    }
  }
  const hasBlocks = Array.isArray(m.blocks) && m.blocks.length > 0;
  if (!hasText && !hasBlocks) return { ok: false, error: 'no_text', detail: 'neither text nor blocks' };
  return { ok: true, message: m };
}
