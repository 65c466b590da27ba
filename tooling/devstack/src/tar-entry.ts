// Reads one file out of a .tgz as a stream (ustar, as npm packs packages), so a 294 MB file inside a 118 MB
// tarball is never held in memory. Node has no tar reader; this one handles what npm writes: 512-byte
// headers, octal sizes, the ustar name prefix, and skips pax/other entries.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

const BLOCK = 512;

function entryName(header: Buffer): string {
  const field = (from: number, to: number) => {
    const raw = header.subarray(from, to);
    const end = raw.indexOf(0);
    return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
  };
  const prefix = header.subarray(257, 262).toString('latin1') === 'ustar' ? field(345, 500) : '';
  return prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
}

/** The bytes of the file `name` (e.g. package/x.json) inside the gzipped tarball `tgzPath`; throws if it is absent. */
export async function* readTarEntry(tgzPath: string, name: string): AsyncGenerator<Buffer> {
  let pending: Buffer = Buffer.alloc(0);
  let remaining = 0; // bytes of the current entry's data still to come
  let padding = 0; // bytes of block padding after it
  let wanted = false;
  let found = false;
  for await (const chunk of createReadStream(tgzPath).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (remaining > 0) {
        const take = Math.min(remaining, pending.length);
        if (take === 0) break;
        if (wanted) yield pending.subarray(0, take);
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining > 0) break;
        if (wanted) return;
        continue;
      }
      if (padding > 0) {
        const skip = Math.min(padding, pending.length);
        pending = pending.subarray(skip);
        padding -= skip;
        if (padding > 0) break;
      }
      if (pending.length < BLOCK) break;
      const header = pending.subarray(0, BLOCK);
      pending = pending.subarray(BLOCK);
      if (header.every((byte) => byte === 0)) continue; // end-of-archive blocks
      const size = Number.parseInt(header.subarray(124, 136).toString('latin1').replace(/\0.*$/, '').trim() || '0', 8);
      const type = String.fromCharCode(header[156] ?? 0);
      wanted = (type === '0' || type === '\0') && entryName(header) === name;
      found ||= wanted;
      remaining = size;
      padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (wanted && size === 0) return;
    }
  }
  if (!found) throw new Error(`${name} is not in ${tgzPath}`);
}
