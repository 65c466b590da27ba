// Typed failures of the tokens module, so a route can answer them without guessing: bad input is the caller's
// (a 4xx naming what is missing), an invalid output is ours (a defect: the converter wrote something the DTCG
// schema refuses).

export type TokensInputCode =
  /** Nothing to derive from: no variables in any source and no style with values. */
  | 'TOKENS_NO_SOURCE'
  /** A variables payload (REST or plugin export) that is not the documented shape. */
  | 'TOKENS_MALFORMED_VARIABLES'
  /** A file / nodes / styles payload that is not the documented shape. */
  | 'TOKENS_MALFORMED_STYLES'
  /** A mode selection naming a collection (modifier) or mode (context) the tokens do not have. */
  | 'TOKENS_UNKNOWN_MODE'
  /** Tokens to read (a stored document) that are not a DTCG document or resolver document this module can read. */
  | 'TOKENS_MALFORMED_DOCUMENT';

/** Bad input: `message` names what is missing or wrong, `path` where (e.g. `variables["VariableID:1:2"].resolvedType`). */
export class TokensInputError extends Error {
  override readonly name = 'TokensInputError';
  constructor(
    readonly code: TokensInputCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

/** A document this module produced failed validation: a defect here, never the caller's fault. */
export class TokensOutputError extends Error {
  override readonly name = 'TokensOutputError';
  readonly code = 'TOKENS_OUTPUT_INVALID';
  constructor(
    message: string,
    readonly errors: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}
