// POST /v1/images/generations as OpenAI answers it (`{ created, data: [{ b64_json }] }`, or 400 with its error body
// for a missing prompt, a bad `n` or `size`): each image a real PNG of the requested size, one flat colour derived
// from the prompt, the call's number and the image's index — a new picture per call, as a model makes — so a client
// can decode what it stored and tell the images apart.
import type { ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { sendJson } from '../http/send';
import { invalidParameter, missingParameter, sendOpenAIError } from './openai-errors';

const SIZES = new Set(['256x256', '512x512', '1024x1024', '1024x1536', '1536x1024', '1792x1024', '1024x1792']);

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of one RGB colour. */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Handles one images request. */
export function handleImages(res: ServerResponse, body: unknown, call = 0): Promise<void> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { prompt?: unknown; n?: unknown; size?: unknown };
  if (typeof b.prompt !== 'string' || b.prompt === '') return sendOpenAIError(res, 400, missingParameter('prompt'));
  const n = b.n ?? 1;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 10) return sendOpenAIError(res, 400, invalidParameter('n', 'expected an integer between 1 and 10.'));
  const size = b.size ?? '1024x1024';
  if (typeof size !== 'string' || !SIZES.has(size)) return sendOpenAIError(res, 400, invalidParameter('size', `expected one of ${[...SIZES].join(', ')}.`));
  const [width, height] = size.split('x').map(Number) as [number, number];
  const data = Array.from({ length: n }, (_, i) => {
    const h = createHash('sha256').update(`${b.prompt as string}:${call}:${i}`).digest();
    return { b64_json: solidPng(width, height, [h[0]!, h[1]!, h[2]!]).toString('base64') };
  });
  return sendJson(res, 200, { created: Math.floor(Date.now() / 1000), data });
}
