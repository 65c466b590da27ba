// UI JSON (issue 14): cogo_ui_json ⇄ uui_json, stored pages ⇄ cogo_ui_json, the sanitizer and validator of untrusted
// documents, and the keyword generator.
export { generateFromPrompt, SECTION_NAMES, summaryOf, tokensIn, type GenerateInput, type GenerateResult } from './generate';
export { componentForRole, tokenForRole, wordsOf, type ComponentRole, type TokenRole } from './match';
export { brandOfPrompt, LANDING_PAGE_SECTIONS, sectionsOfPrompt, sectionTypeOfName } from './prompt-sections';
export { UI_JSON_RESPONSE_SCHEMA } from './response-schema';
export { MAX_JSON_DEPTH, sanitizeUiJson, type PrunedEntry } from './sanitize';
export {
  cogoToStoredComponents,
  GENERATED_FILE_KEY,
  storedNodeId,
  storedPageToCogo,
  UI_ROW_TYPES,
  type StoredComponentInput,
  type UiStoredRow,
  type StoredPageInput,
} from './stored';
export { figmaPageToCogo, UNGROUPED_SECTION_ID } from './stored-figma';
export { isHandlerCode, isHandlerKey, isScriptUrl } from './unsafe';
export { cogoToUui, uuiToCogo } from './uui';
export { componentKey, validateUiJson, type UiValidation } from './validate';
export { tokensOfDtcg, type DesignVocabulary } from './vocabulary';
