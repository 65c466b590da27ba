// JWT verification (RFC 7519 / 7515) with Web Crypto: HS256 under a shared secret, RS256/ES256
// under keys from a JWKS URL. Only what COGO needs: compact JWS, no nested or encrypted tokens.
import { fromBase64 } from './crypto';

export interface JwtClaims {
  sub?: string;
  iss?: string;
  aud?: string | string[];
  exp?: number;
  nbf?: number;
  iat?: number;
  [claim: string]: unknown;
}

export interface JwtVerifyOptions {
  secret?: string | undefined;
  /** Resolves a key id to a verification key (JWKS). */
  jwks?: ((kid: string | undefined, alg: string) => Promise<CryptoKey | null>) | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Longest accepted lifetime in seconds (short-lived tokens only). */
  maxTtlSeconds: number;
  /** Allowed clock skew in seconds. */
  leewaySeconds?: number;
  now?: number;
}

export class JwtError extends Error {
  override name = 'JwtError';
}

const dec = new TextDecoder();
const enc = new TextEncoder();

function part<T>(segment: string, what: string): T {
  try {
    return JSON.parse(dec.decode(fromBase64(segment))) as T;
  } catch {
    throw new JwtError(`malformed token ${what}`);
  }
}

/** True when a string has the shape of a compact JWS. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

/** Verifies signature and time claims; returns the claims or throws JwtError with the reason. */
export async function verifyJwt(token: string, options: JwtVerifyOptions): Promise<JwtClaims> {
  const [h, p, s] = token.split('.');
  if (!h || !p || s === undefined || !looksLikeJwt(token)) throw new JwtError('malformed token');
  const header = part<{ alg?: string; kid?: string; typ?: string; crit?: unknown }>(h, 'header');
  if (header.crit !== undefined) throw new JwtError('unsupported critical header');
  const signed = enc.encode(`${h}.${p}`);
  const signature = fromBase64(s);
  let valid: boolean;
  if (header.alg === 'HS256') {
    if (!options.secret) throw new JwtError('HS256 tokens are not accepted here');
    const key = await crypto.subtle.importKey('raw', enc.encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    valid = await crypto.subtle.verify('HMAC', key, signature, signed);
  } else if (header.alg === 'RS256' || header.alg === 'ES256') {
    const key = options.jwks ? await options.jwks(header.kid, header.alg) : null;
    if (!key) throw new JwtError(`no key for ${header.alg} token${header.kid ? ` (kid ${header.kid})` : ''}`);
    const algo = header.alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
    valid = await crypto.subtle.verify(algo, key, signature, signed);
  } else {
    throw new JwtError(`unsupported alg ${String(header.alg)}`);
  }
  if (!valid) throw new JwtError('bad signature');

  const claims = part<JwtClaims>(p, 'payload');
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const leeway = options.leewaySeconds ?? 30;
  if (typeof claims.exp !== 'number') throw new JwtError('token has no exp');
  if (claims.exp + leeway <= now) throw new JwtError('token expired');
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > now) throw new JwtError('token not yet valid');
  const issuedAt = typeof claims.iat === 'number' ? claims.iat : now;
  if (claims.exp - issuedAt > options.maxTtlSeconds) throw new JwtError(`token lifetime over ${options.maxTtlSeconds}s`);
  if (options.issuer && claims.iss !== options.issuer) throw new JwtError('wrong issuer');
  if (options.audience) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(options.audience)) throw new JwtError('wrong audience');
  }
  return claims;
}

interface Jwk extends JsonWebKey {
  kid?: string;
}

/** A JWKS resolver with a cache: keys are fetched once per `ttlMs` (and again for an unknown kid). */
export function jwksResolver(fetchJwks: () => Promise<{ keys: Jwk[] }>, ttlMs = 10 * 60_000) {
  let cached: { at: number; keys: Jwk[] } | undefined;
  const imported = new Map<string, CryptoKey>();
  return async (kid: string | undefined, alg: string): Promise<CryptoKey | null> => {
    const find = () => cached?.keys.find((k) => (kid ? k.kid === kid : true) && (alg === 'RS256' ? k.kty === 'RSA' : k.kty === 'EC'));
    let jwk = cached && Date.now() - cached.at < ttlMs ? find() : undefined;
    if (!jwk) {
      cached = { at: Date.now(), keys: (await fetchJwks()).keys };
      imported.clear();
      jwk = find();
    }
    if (!jwk) return null;
    const id = `${jwk.kid ?? ''}:${alg}`;
    const hit = imported.get(id);
    if (hit) return hit;
    const algo = alg === 'RS256' ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
    const key = await crypto.subtle.importKey('jwk', jwk, algo, false, ['verify']);
    imported.set(id, key);
    return key;
  };
}
