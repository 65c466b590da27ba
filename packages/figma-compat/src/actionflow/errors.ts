// Bad input to the action-flow builder: a route answers it as a 4xx (the code says which), never a 500.

/** Why an input cannot become an action flow. */
export type ActionFlowErrorCode =
  /** Not a Figma REST file / nodes response, node, or node list; or a node/interaction of the wrong shape. */
  | 'ACTION_FLOW_BAD_INPUT'
  /** options.pageId names no page of the input. */
  | 'ACTION_FLOW_PAGE_NOT_FOUND'
  /** The input holds several pages and options.pageId chose none. */
  | 'ACTION_FLOW_PAGE_REQUIRED'
  /** A stored graph of a version this code does not read. */
  | 'ACTION_FLOW_UNSUPPORTED_VERSION';

/** A typed "bad input" error: `code` for the route's mapping, `message` names what is missing or wrong. */
export class ActionFlowInputError extends Error {
  override readonly name = 'ActionFlowInputError';

  constructor(
    readonly code: ActionFlowErrorCode,
    message: string,
    /** Where in the input (a JSON path or node id) and, for PAGE_*, the pages available. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
