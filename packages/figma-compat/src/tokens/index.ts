// Figma variables and styles → W3C DTCG 2025.10 design tokens, and what is made from them.
export { deriveTokens, type CollectionReport, type DeriveInput, type DeriveReport, type DerivedTokens, type ModeCount } from './derive';
export { diffTokens, type ChangedToken, type DiffToken, type TokensDiff } from './diff';
export type * from './dtcg-types';
export { TokensInputError, TokensOutputError, type TokensInputCode } from './errors';
export type { VariableIssue, AliasCounts } from './emit-variables';
export type { StyleSkip } from './emit-styles';
export { modeInput, toCss, type CssOptions } from './css';
export { splitName } from './naming';
export { resolveTokens } from './resolver';
export { toTailwindTheme, type TailwindOptions } from './tailwind';
export { validateResolver, validateTokens, type TokensValidation, type TokensValidationError, type ValidateOptions } from './validate';
