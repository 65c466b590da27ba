// suggest (issue 15): mappings code ↔ Figma suggested by name and prop similarity, for a user to confirm.
export { suggestMappings, type SuggestOptions } from './suggest';
