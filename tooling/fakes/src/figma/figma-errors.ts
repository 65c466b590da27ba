// Figma's error envelope: `{ "status": <code>, "err": "<message>" }`, the same status in the body and the line.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendJson } from '../http/send';

/** The `err` messages Figma uses. */
export const FIGMA_ERRORS = {
  invalidToken: 'Invalid token',
  forbidden: 'Forbidden',
  notFound: 'Not found',
  rateLimited: 'Rate limit exceeded',
  tooLarge: 'Request too large. If applicable, try requesting specific node ids or a smaller depth.',
  internal: 'Internal server error',
  badGateway: 'Bad gateway',
  unavailable: 'Service unavailable',
} as const;

/** Sends a Figma-shaped error. */
export function sendFigmaError(
  res: ServerResponse,
  status: number,
  err: string,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  return sendJson(res, status, { status, err }, headers);
}
