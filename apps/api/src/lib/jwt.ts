// JWT verification (RFC 7519 / 7515) with Web Crypto: HS256 under a shared secret, RS256/ES256
// under keys from a JWKS URL. Only what COGO needs: compact JWS, no nested or encrypted tokens.
import { fromBase64, hmacKey } from './crypto';
import { singleFlight } from './single-flight';

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
    valid = await crypto.subtle.verify('HMAC', await hmacKey(options.secret), signature, signed);
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
  if (claims.iat !== undefined && typeof claims.iat !== 'number') throw new JwtError('malformed iat');
  // a future iat would let `exp - iat` pass the cap for a token valid for years: refuse it beyond the skew,
  // and cap what is left of the lifetime too (which also covers tokens without iat)
  if (typeof claims.iat === 'number' && claims.iat - leeway > now) throw new JwtError('token issued in the future');
  const issuedAt = claims.iat ?? now;
  if (claims.exp - issuedAt > options.maxTtlSeconds) throw new JwtError(`token lifetime over ${options.maxTtlSeconds}s`);
  if (claims.exp - now > options.maxTtlSeconds + leeway) throw new JwtError(`token expires more than ${options.maxTtlSeconds}s from now`);
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

/** The JWKS could not be fetched, so a token signed by one of its keys cannot be checked now (503, not 401). */
export class JwksUnavailableError extends Error {
  override name = 'JwksUnavailableError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface JwksResolverOptions {
  /** A key set older than this is fetched again (default 10 min). */
  ttlMs?: number;
  /** At most one refetch per this long for a kid the set lacks (default 30 s): random kids cannot drive fetches. */
  refreshFloorMs?: number;
  /** A kid missing from a fetched set triggers no refetch for this long (default 2 min). */
  unknownKidTtlMs?: number;
  /** After a failed fetch none is tried for this long; tokens that need one are "unavailable" (default 5 s). */
  failureCooldownMs?: number;
  /** How long past its TTL a set may still verify tokens while the JWKS is unreachable (default 1 h). */
  maxStaleMs?: number;
  /** How long a caller waits on another caller's fetch before fetching itself (default 10 s). */
  patienceMs?: number;
  now?: () => number;
}

const MAX_UNKNOWN_KIDS = 1_000;
const MAX_KID_LENGTH = 128;

/**
 * A cached JWKS resolver: one shared fetch at a time, refetched after `ttlMs`, or for an unknown kid at most
 * once per `refreshFloorMs` (and never again for that kid within `unknownKidTtlMs`). Resolves null when no key
 * matches; throws JwksUnavailableError when a key is needed and the JWKS cannot be fetched.
 */
export function jwksResolver(fetchJwks: () => Promise<{ keys: Jwk[] }>, options: JwksResolverOptions = {}) {
  const ttl = options.ttlMs ?? 10 * 60_000;
  const floor = options.refreshFloorMs ?? 30_000;
  const unknownTtl = options.unknownKidTtlMs ?? 2 * 60_000;
  const cooldown = options.failureCooldownMs ?? 5_000;
  const maxStale = options.maxStaleMs ?? 60 * 60_000;
  const now = options.now ?? (() => Date.now());
  const flight = singleFlight<void>(options.patienceMs ?? 10_000);
  let cached: { at: number; keys: Jwk[] } | undefined;
  let failedAt: number | undefined;
  const unknownKids = new Map<string, number>();
  const imported = new Map<string, CryptoKey>();

  const find = (kid: string | undefined, alg: string) =>
    cached?.keys.find((k) => (kid ? k.kid === kid : true) && (alg === 'RS256' ? k.kty === 'RSA' : k.kty === 'EC'));
  const unavailable = (t: number, cause: string) =>
    new JwksUnavailableError(`JWKS unavailable: ${cause}`, Math.max(1, Math.ceil(((failedAt ?? t) + cooldown - t) / 1000)));

  const refresh = () =>
    flight('jwks', async () => {
      try {
        const body = await fetchJwks();
        if (!Array.isArray(body?.keys)) throw new Error('the JWKS has no keys array');
        cached = { at: now(), keys: body.keys };
        imported.clear();
        failedAt = undefined;
      } catch (err) {
        failedAt = now();
        throw unavailable(failedAt, err instanceof Error ? err.message : String(err));
      }
    });

  return async (kid: string | undefined, alg: string): Promise<CryptoKey | null> => {
    if (kid && kid.length > MAX_KID_LENGTH) return null;
    const t = now();
    const age = cached ? t - cached.at : Infinity;
    let jwk = age < ttl + maxStale ? find(kid, alg) : undefined;
    const kidKey = kid ?? '';
    // a fresh set that lacks the kid is refetched only past the floor, and only for a kid not already missed
    const wanted = age >= ttl || (!jwk && age >= floor && (unknownKids.get(kidKey) ?? 0) <= t);
    if (wanted) {
      const cooling = failedAt !== undefined && t - failedAt < cooldown;
      try {
        if (cooling) throw unavailable(t, 'the last fetch failed moments ago');
        await refresh();
        jwk = find(kid, alg);
        if (!jwk) {
          if (unknownKids.size >= MAX_UNKNOWN_KIDS) unknownKids.delete(unknownKids.keys().next().value!);
          unknownKids.set(kidKey, now() + unknownTtl);
        }
      } catch (err) {
        // a key from the last good set keeps working while the JWKS is unreachable (up to maxStale)
        if (!(err instanceof JwksUnavailableError) || !jwk) throw err;
      }
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
