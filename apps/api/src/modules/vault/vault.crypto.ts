// AES-256-GCM envelope for vault secrets: a fresh 96-bit nonce per value, and AAD binding the
// ciphertext to (project, alias, version) so a row copied elsewhere fails to decrypt.
import { fromBase64, toBase64 } from '../../lib/crypto';

const enc = new TextEncoder();
const dec = new TextDecoder();
const keys = new Map<string, Promise<CryptoKey>>();

function masterKey(base64: string): Promise<CryptoKey> {
  let k = keys.get(base64);
  if (!k) {
    k = crypto.subtle.importKey('raw', fromBase64(base64), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
    keys.set(base64, k);
  }
  return k;
}

const aad = (projectId: string, alias: string, version: number) => enc.encode(`${projectId}|${alias}|${version}`);

/** Encrypts a secret value. */
export async function sealSecret(master: string, projectId: string, alias: string, version: number, plaintext: string) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(projectId, alias, version) }, await masterKey(master), enc.encode(plaintext));
  return { ciphertext: toBase64(ciphertext), iv: toBase64(iv) };
}

/** Decrypts a secret value; throws if it was tampered with or moved. */
export async function openSecret(master: string, projectId: string, alias: string, version: number, sealed: { ciphertext: string; iv: string }): Promise<string> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: aad(projectId, alias, version) },
    await masterKey(master),
    fromBase64(sealed.ciphertext),
  );
  return dec.decode(plain);
}
