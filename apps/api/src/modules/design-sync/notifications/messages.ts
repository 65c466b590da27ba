// Slack Block Kit messages of design-sync (pure): a header, the lines as one mrkdwn section, optional fields, and a
// context line naming the category and trace. Slack's limits are kept here (header 150, section 3,000, 10 fields of
// 2,000), so a message never bounces as invalid_blocks; user text is escaped for mrkdwn.

const HEADER_MAX = 150;
const SECTION_MAX = 3_000;
const FIELDS_MAX = 10;
const FIELD_MAX = 2_000;

/** Slack's three control characters in mrkdwn: & < > (names of components must not become links or mentions). */
export const escapeMrkdwn = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Lines joined while they fit, then "…and N more". */
export function fitLines(lines: readonly string[], max = SECTION_MAX): string {
  const out: string[] = [];
  let size = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i;
    const tail = `…and ${rest} more`;
    if (size + line.length + 1 + (rest > 1 ? tail.length + 1 : 0) > max) {
      out.push(tail);
      return out.join('\n');
    }
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

export interface SlackMessage {
  text: string;
  blocks: Array<Record<string, unknown>>;
}

export interface MessageInput {
  category: string;
  title: string;
  /** mrkdwn lines; `*bold*` is kept, & < > are escaped. */
  lines: readonly string[];
  fields?: Readonly<Record<string, string>> | undefined;
  traceId?: string | undefined;
}

/** The Block Kit message of one notification. */
export function slackMessage(m: MessageInput): SlackMessage {
  const blocks: Array<Record<string, unknown>> = [{ type: 'header', text: { type: 'plain_text', text: cut(m.title, HEADER_MAX), emoji: true } }];
  if (m.lines.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: fitLines(m.lines.map(escapeMrkdwn)) } });
  const fields = Object.entries(m.fields ?? {}).slice(0, FIELDS_MAX);
  if (fields.length) blocks.push({ type: 'section', fields: fields.map(([k, v]) => ({ type: 'mrkdwn', text: cut(`*${escapeMrkdwn(k)}*\n${escapeMrkdwn(v)}`, FIELD_MAX) })) });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `COGO design-sync · ${m.category}${m.traceId ? ` · trace ${m.traceId}` : ''}` }] });
  return { text: cut(m.title, SECTION_MAX), blocks };
}
