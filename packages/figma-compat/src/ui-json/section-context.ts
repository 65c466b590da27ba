// What a section template gets and gives (issue 14's keyword generator).
import type { UiBlock, UiLayout } from '@cogo/types';
import type { Kit } from './kit';

export interface SectionContext {
  kit: Kit;
  /** The section's id: every part's id starts with it. */
  sid: string;
  type: string;
  brand: string | undefined;
  prompt: string;
  /** The id of this page's section of a type, if it has one (for links and buttons that scroll to it). */
  target(type: string): string | undefined;
}

export interface SectionBody {
  layout?: UiLayout;
  style?: Record<string, string | number> | undefined;
  blocks: UiBlock[];
}

export type SectionTemplate = (c: SectionContext) => SectionBody;

/** A column of centred content, the usual section layout. */
export const columnLayout = (c: SectionContext): UiLayout => ({ direction: 'column', gap: c.kit.space('space_lg'), padding: c.kit.space('space_xl'), align: 'center' });

/** A block with its id `<section>-<part>`. */
export const block = (c: SectionContext, part: string, type: string, components: UiBlock['components'], layout?: UiLayout): UiBlock =>
  layout ? { id: `${c.sid}-${part}`, type, layout, components } : { id: `${c.sid}-${part}`, type, components };
