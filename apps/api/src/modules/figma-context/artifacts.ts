// figma-context artifacts in R2 (binding ARTIFACTS): one object per stable name, under the project's own prefix
// `projects/<project_id>/`, so a project only ever reads its own — another project's name is simply absent (404),
// and nothing is shared across tenants. Names: `figma/<file_key>/nodes/<node>@<scale>x.<fmt>` (a render; ':' of
// the node id written '-' as in Figma URLs) and `figma/<file_key>/fills/<imageRef>.<ext>` (an image fill: the ref
// is a hash of the image, so one object per ref, whatever node uses it).

/** The R2 key of a project's artifact. */
export const artifactKey = (projectId: string, name: string) => `projects/${projectId}/${name}`;

/** Where the API serves an artifact (same credentials as the rest of the API). */
export const artifactUrl = (name: string) => `/figma-context/artifacts?name=${encodeURIComponent(name)}`;

/** The stable name of a node render. */
export function nodeArtifactName(fileKey: string, nodeId: string, scale: number, format: string): string {
  return `figma/${fileKey}/nodes/${nodeId.replaceAll(':', '-')}@${scale}x.${format}`;
}

/** The prefix of a file's image fills (each `<prefix><imageRef>.<ext>`). */
export const fillPrefix = (fileKey: string) => `figma/${fileKey}/fills/`;

const EXT_OF: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'application/pdf': 'pdf',
};

/** File extension of a content type; sniffs the first bytes when the type says nothing useful. */
export function extensionOf(contentType: string | null, head?: Uint8Array): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (EXT_OF[type]) return EXT_OF[type];
  if (head) {
    if (head[0] === 0x89 && head[1] === 0x50) return 'png';
    if (head[0] === 0xff && head[1] === 0xd8) return 'jpg';
    if (head[0] === 0x47 && head[1] === 0x49) return 'gif';
  }
  return 'bin';
}

/** A project's stored fills of a file, by imageRef (one R2 list call per 1,000). */
export async function storedFills(bucket: R2Bucket, projectId: string, fileKey: string): Promise<Map<string, R2Object>> {
  const prefix = artifactKey(projectId, fillPrefix(fileKey));
  const out = new Map<string, R2Object>();
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, include: ['httpMetadata', 'customMetadata'], ...(cursor ? { cursor } : {}) });
    for (const object of page.objects) {
      const ref = object.customMetadata?.image_ref;
      if (ref) out.set(ref, object);
    }
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return out;
}

/** The name of a stored object (its key without the project prefix). */
export const nameOf = (projectId: string, key: string) => key.slice(artifactKey(projectId, '').length);
