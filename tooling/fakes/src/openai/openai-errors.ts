// OpenAI's error envelope: { error: { message, type, param, code } }.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendJson } from '../http/send';

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Builds an OpenAI error body. */
export function openAIError(
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/** Sends an OpenAI error body with `status`. */
export function sendOpenAIError(
  res: ServerResponse,
  status: number,
  body: OpenAIErrorBody,
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  return sendJson(res, status, body, headers);
}

/** Masks a key as OpenAI's 401 message does: a short prefix and the last four characters, never the whole key. */
export function maskKey(key: string): string {
  if (key.length < 12) return '*'.repeat(key.length);
  return `${key.slice(0, 3)}${'*'.repeat(Math.min(key.length - 7, 20))}${key.slice(-4)}`;
}

/** The 401 for a missing or wrong key. */
export function authError(sent: string | undefined): OpenAIErrorBody {
  if (sent === undefined || sent === '') {
    return openAIError(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
    );
  }
  return openAIError(
    `Incorrect API key provided: ${maskKey(sent)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

/** The 400 for a body that is not JSON. */
export const INVALID_JSON = openAIError(
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  'invalid_request_error',
);

/** The 400 for a missing required parameter. */
export function missingParameter(name: string): OpenAIErrorBody {
  const message = `Missing required parameter: '${name}'.`;
  return openAIError(message, 'invalid_request_error', name, 'missing_required_parameter');
}

/** The 400 for a parameter of the wrong shape. */
export function invalidParameter(name: string, why: string): OpenAIErrorBody {
  return openAIError(`Invalid value for '${name}': ${why}`, 'invalid_request_error', name, 'invalid_value');
}
