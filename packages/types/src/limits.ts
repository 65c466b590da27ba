// What the API refuses before any handler runs (README "What the API refuses").

/** Request limits shared by the API and its clients. */
export const REQUEST_LIMITS = {
  /** Default of MAX_JSON_BODY_BYTES: a body over it is 413 PAYLOAD_TOO_LARGE, refused before it is parsed. */
  maxJsonBodyBytes: 4 * 1024 * 1024,
  /** Deepest nesting of objects/arrays in a JSON body; deeper is 400 BAD_REQUEST. */
  maxJsonDepth: 64,
  /** Deepest nesting of an uploaded Figma export (a node level is two JSON levels); deeper is 422 UNPROCESSABLE. */
  maxUploadJsonDepth: 1000,
} as const;
