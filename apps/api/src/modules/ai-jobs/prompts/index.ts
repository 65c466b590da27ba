// Modular prompt loading (seed 004: "prompt files selectable by name", EDIT_PROMPT_FILE): each prompt is a module
// of this folder, registered here by name and kind; a request names one (`prompt_name`), GET /api/prompts lists them.
import type { AiJobKind } from '@cogo/types';
import { CONVERSION_PROMPT, COPY_POLISH_PROMPT, CREATIVE_DIRECTOR_PROMPT, DESIGN_EDITS_PROMPT } from './edit-prompts';
import { RENAME_LAYERS_PROMPT } from './rename-layers';

export interface PromptFile {
  name: string;
  kind: AiJobKind;
  description: string;
  /** The system message. */
  system: string;
}

const PROMPTS: readonly PromptFile[] = [RENAME_LAYERS_PROMPT, DESIGN_EDITS_PROMPT, CREATIVE_DIRECTOR_PROMPT, COPY_POLISH_PROMPT, CONVERSION_PROMPT];

/** Every prompt, for GET /api/prompts. */
export function listPrompts(): readonly PromptFile[] {
  return PROMPTS;
}

/** The prompt of that name and kind, or undefined. */
export function findPrompt(name: string, kind: AiJobKind): PromptFile | undefined {
  return PROMPTS.find((p) => p.name === name && p.kind === kind);
}
