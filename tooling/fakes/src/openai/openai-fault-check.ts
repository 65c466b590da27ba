// Validating an OpenAI fault that arrives as JSON through the control API: a typo must be a 400 for the test
// that sent it, not a rule that silently never fires.
import { ControlInputError } from '../http/control-wire';
import type { OpenAIFault } from './openai-types';

type Fields = Record<string, unknown>;

function nonNegative(fields: Fields, name: string, integer = false): void {
  const value = fields[name];
  if (typeof value !== 'number' || !(value >= 0) || (integer && !Number.isInteger(value))) {
    throw new ControlInputError(`${String(fields.kind)}: ${name} must be a ${integer ? 'whole ' : ''}number >= 0`);
  }
}

/** Returns `value` as an OpenAIFault, or throws a ControlInputError saying what is wrong with it. */
export function checkOpenAIFault(value: unknown): OpenAIFault {
  if (typeof value !== 'object' || value === null) throw new ControlInputError('fault must be an object with a kind');
  const fields = value as Fields;
  switch (fields.kind) {
    case 'rate-limit':
      nonNegative(fields, 'retryAfterSeconds');
      if (fields.limitType !== undefined && fields.limitType !== 'requests' && fields.limitType !== 'tokens') {
        throw new ControlInputError("rate-limit: limitType must be 'requests' or 'tokens'");
      }
      break;
    case 'server-error':
      if (fields.status !== undefined && ![500, 502, 503].includes(fields.status as number)) {
        throw new ControlInputError('server-error: status must be 500, 502 or 503');
      }
      break;
    case 'latency':
      nonNegative(fields, 'ms');
      break;
    case 'stream-drop':
      nonNegative(fields, 'afterChunks', true);
      break;
    case 'slow-stream':
      nonNegative(fields, 'chunkDelayMs');
      break;
    case 'no-done':
    case 'no-usage':
      break;
    default:
      throw new ControlInputError(
        `unknown fault kind ${JSON.stringify(fields.kind)}: expected rate-limit, server-error, latency, stream-drop, slow-stream, no-done or no-usage`,
      );
  }
  return value as OpenAIFault;
}
