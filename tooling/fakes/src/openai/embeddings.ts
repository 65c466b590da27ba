// Deterministic embeddings: each input text seeds a PRNG (from its SHA-256) that draws Gaussian components,
// normalised to unit length in float32. Same text, same vector; asking for fewer dimensions gives the
// renormalised prefix, as text-embedding-3 models shorten. base64 is the little-endian float32 bytes.
import { createHash } from 'node:crypto';
import { createRng } from '../samples/prng';

/** The embedding of `text` with `dimensions` components (unit length, float32 precision). */
export function embedText(text: string, dimensions: number): Float32Array {
  const seed = createHash('sha256').update(text).digest().readUInt32LE(0);
  const rng = createRng(seed);
  const raw = new Float64Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    // Box-Muller: Gaussian components make the direction uniform on the sphere.
    const u = 1 - rng.next();
    const v = rng.next();
    const g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    raw[i] = g;
    norm += g * g;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) out[i] = (raw[i] ?? 0) * scale;
  return out;
}

/** base64 of the little-endian float32 bytes, the API's `encoding_format: "base64"`. */
export function float32ToBase64(vector: Float32Array): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, i) => bytes.writeFloatLE(value, i * 4));
  return bytes.toString('base64');
}

/** Decodes an `encoding_format: "base64"` embedding back into numbers. */
export function base64ToFloat32(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  const out: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.length; offset += 4) out.push(bytes.readFloatLE(offset));
  return out;
}

/** The texts of an embeddings `input` (string, strings, token ids or lists of token ids), or undefined if malformed. */
export function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === 'string')) return input as string[];
  if (input.every((item) => typeof item === 'number')) return [`tokens:${input.join(',')}`];
  if (input.every((item) => Array.isArray(item) && item.length > 0 && item.every((n) => typeof n === 'number'))) {
    return (input as number[][]).map((tokens) => `tokens:${tokens.join(',')}`);
  }
  return undefined;
}
