// The fake's files, their variables, a node index per file (built when the file is put: the first request of a new
// version costs what later ones do, as with Figma), and a small per-file cache of
// serialised responses, so repeated requests for a huge file are served without re-serialising it.
import type { GetFileResponse } from '@figma/rest-api-spec';
import { serializeJsonChunks } from '../http/json-chunks';
import { buildNodeIndex } from './node-index';
import type { NodeIndex } from './node-index';
import type { LocalVariablesMeta } from './figma-types';

const BODIES_PER_FILE = 8;

interface StoredFile {
  file: GetFileResponse;
  index: NodeIndex;
  bodies: Map<string, Buffer[]>;
}

/** Files by key, with derived data that is dropped whenever a file is replaced. */
export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private readonly variables = new Map<string, LocalVariablesMeta>();

  /**
   * Adds or replaces a file and forgets anything derived from the previous version. A replacement is a new
   * version, as in Figma: unless its body names a version of its own, the stored one is bumped.
   */
  addFile(key: string, file: GetFileResponse): void {
    const previous = this.files.get(key)?.file.version;
    const version = previous !== undefined && (file.version === undefined || file.version === previous) ? nextVersion(previous) : file.version;
    const stored = version === file.version ? file : { ...file, version };
    this.files.set(key, { file: stored, index: buildNodeIndex(stored.document), bodies: new Map() });
  }

  /** Adds or replaces a file's local variables. */
  addVariables(key: string, meta: LocalVariablesMeta): void {
    this.variables.set(key, meta);
  }

  /** The file stored under `key`. */
  file(key: string): GetFileResponse | undefined {
    return this.files.get(key)?.file;
  }

  /** The file's local variables (empty when none were added). */
  localVariables(key: string): LocalVariablesMeta {
    return this.variables.get(key) ?? { variables: {}, variableCollections: {} };
  }

  /** The node index of a stored file. */
  index(key: string): NodeIndex | undefined {
    return this.files.get(key)?.index;
  }

  /** The serialised body for (`key`, `variant`), building and caching it (LRU, a few per file) on a miss. */
  body(key: string, variant: string, build: () => unknown): Buffer[] {
    const stored = this.files.get(key);
    if (stored === undefined) return serializeJsonChunks(build());
    const hit = stored.bodies.get(variant);
    if (hit !== undefined) {
      stored.bodies.delete(variant);
      stored.bodies.set(variant, hit);
      return hit;
    }
    const chunks = serializeJsonChunks(build());
    stored.bodies.set(variant, chunks);
    if (stored.bodies.size > BODIES_PER_FILE) {
      const oldest = stored.bodies.keys().next().value;
      if (oldest !== undefined) stored.bodies.delete(oldest);
    }
    return chunks;
  }
}

/** The version after `v`: Figma's are decimal strings that only grow. */
function nextVersion(v: string): string {
  return /^\d{1,15}$/.test(v) ? String(Number(v) + 1) : `${v}.1`;
}
