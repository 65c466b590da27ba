import { describe, expect, it } from 'vitest';
import { fileKeyAndNode, normalizeNodeId, parseFigmaUrl } from './url';

const KEY = 'aBc123XyZ456DeF789gHiJ';

function ok(input: string) {
  const r = parseFigmaUrl(input);
  if (!r.ok) throw new Error(`expected ok for ${input}: ${r.message}`);
  return r.value;
}

function err(input: string) {
  const r = parseFigmaUrl(input);
  if (r.ok) throw new Error(`expected failure for ${input}`);
  return r;
}

describe('parseFigmaUrl accepts', () => {
  it('a /file/ URL with a hyphenated node-id', () => {
    expect(ok(`https://www.figma.com/file/${KEY}/My-Title?node-id=9-5240`)).toEqual({
      fileKey: KEY,
      kind: 'file',
      nodeId: '9:5240',
    });
  });

  it.each(['design', 'proto', 'board'] as const)('/%s/ URLs', (kind) => {
    expect(ok(`https://www.figma.com/${kind}/${KEY}/Title`)).toEqual({ fileKey: KEY, kind });
  });

  it('figma.com without www, without a title, and without a scheme', () => {
    expect(ok(`https://figma.com/design/${KEY}`)).toEqual({ fileKey: KEY, kind: 'design' });
    expect(ok(`figma.com/design/${KEY}/T?node-id=1-2`)).toEqual({ fileKey: KEY, kind: 'design', nodeId: '1:2' });
    expect(ok(`www.figma.com/file/${KEY}`).fileKey).toBe(KEY);
  });

  it('branch URLs, using the branch key for the REST API', () => {
    expect(ok(`https://www.figma.com/design/${KEY}/branch/BRaNCH0123456789/Title?node-id=0-1`)).toEqual({
      fileKey: 'BRaNCH0123456789',
      branchKey: 'BRaNCH0123456789',
      mainFileKey: KEY,
      kind: 'design',
      nodeId: '0:1',
    });
  });

  it('node ids in colon, url-encoded and instance forms', () => {
    expect(ok(`https://www.figma.com/design/${KEY}/T?node-id=9:5240`).nodeId).toBe('9:5240');
    expect(ok(`https://www.figma.com/design/${KEY}/T?node-id=9%3A5240`).nodeId).toBe('9:5240');
    expect(ok(`https://www.figma.com/design/${KEY}/T?node-id=I5666:180910;1:10515`).nodeId).toBe('I5666:180910;1:10515');
    expect(ok(`https://www.figma.com/design/${KEY}/T?node-id=I5666-180910;1-10515`).nodeId).toBe('I5666:180910;1:10515');
    expect(ok(`https://www.figma.com/design/${KEY}/T?node-id=I5666%3A180910%3B1%3A10515`).nodeId).toBe(
      'I5666:180910;1:10515',
    );
  });

  it('extra query parameters and surrounding whitespace', () => {
    expect(ok(`  https://www.figma.com/design/${KEY}/T?t=abc&node-id=3-4&scaling=min-zoom  `)).toEqual({
      fileKey: KEY,
      kind: 'design',
      nodeId: '3:4',
    });
  });
});

describe('parseFigmaUrl rejects', () => {
  it('empty input', () => {
    expect(err('  ')).toMatchObject({ code: 'empty', message: 'No Figma URL was given.' });
  });

  it('text that is not a URL', () => {
    expect(err('hello world')).toMatchObject({ code: 'not-a-url', message: '"hello world" is not a URL.' });
    expect(err('ftp://figma.com/file/x')).toMatchObject({ code: 'not-a-url' });
  });

  it('hosts other than figma.com', () => {
    expect(err(`https://evil.example/design/${KEY}`)).toMatchObject({
      code: 'not-figma',
      message: '"evil.example" is not figma.com.',
    });
    expect(err(`https://figma.com.evil.example/design/${KEY}`).code).toBe('not-figma');
  });

  it('URLs without a file key', () => {
    expect(err('https://www.figma.com/')).toMatchObject({ code: 'no-file-key' });
    expect(err('https://www.figma.com/design/')).toMatchObject({ code: 'no-file-key', message: 'The file key is missing.' });
    expect(err(`https://www.figma.com/design/${KEY}/branch/`)).toMatchObject({
      code: 'no-file-key',
      message: 'The branch key is missing.',
    });
  });

  it('malformed file keys', () => {
    expect(err('https://www.figma.com/design/ab$cd/T').code).toBe('bad-file-key');
    expect(err('https://www.figma.com/design/ab$cd/T').message).toContain('"ab$cd" is not a valid Figma file key');
  });

  it.each([
    ['slides', 'Figma Slides'],
    ['make', 'Figma Make'],
    ['site', 'Figma Sites'],
    ['deck', 'Figma Slides'],
  ])('/%s/ URLs the REST API cannot serve', (kind, what) => {
    const r = err(`https://www.figma.com/${kind}/${KEY}/T`);
    expect(r.code).toBe('unsupported-kind');
    expect(r.message).toContain(what);
    expect(r.message).toContain('cannot read it');
  });

  it('community pages, which are not files', () => {
    const r = err('https://www.figma.com/community/file/1035203688168086460/material-3-design-kit');
    expect(r.code).toBe('unsupported-kind');
    expect(r.message).toContain('Community page, not a file');
  });

  it('unknown path kinds', () => {
    expect(err(`https://www.figma.com/whatever/${KEY}`)).toMatchObject({
      code: 'unsupported-kind',
      message: '"/whatever/" URLs are not Figma files (expected /design/, /file/, /proto/ or /board/).',
    });
  });

  it.each(['9', '9-', 'abc', '9-5240-1', 'I5666;1:2', '9:5240;', ''])('malformed node-id %j', (id) => {
    const r = err(`https://www.figma.com/design/${KEY}/T?node-id=${id}`);
    expect(r.code).toBe('bad-node-id');
    expect(r.message).toContain(`node-id "${id}" is malformed`);
  });
});

describe('normalizeNodeId', () => {
  it('maps every accepted form to the colon form', () => {
    expect(normalizeNodeId('0-1')).toBe('0:1');
    expect(normalizeNodeId('12%3A34')).toBe('12:34');
    expect(normalizeNodeId('I1-2;3-4;5-6')).toBe('I1:2;3:4;5:6');
    expect(normalizeNodeId('%E0%A4%A')).toBeNull();
  });
});

describe('fileKeyAndNode', () => {
  it('validates the non-URL form', () => {
    expect(fileKeyAndNode(KEY, '9-5240')).toEqual({ ok: true, value: { fileKey: KEY, kind: 'file', nodeId: '9:5240' } });
    expect(fileKeyAndNode(` ${KEY} `)).toEqual({ ok: true, value: { fileKey: KEY, kind: 'file' } });
    expect(fileKeyAndNode(KEY, '')).toEqual({ ok: true, value: { fileKey: KEY, kind: 'file' } });
  });

  it('rejects bad keys, URLs in the key field and malformed node ids', () => {
    expect(fileKeyAndNode('')).toMatchObject({ ok: false, code: 'no-file-key' });
    expect(fileKeyAndNode('a/b')).toMatchObject({ ok: false, code: 'bad-file-key' });
    expect(fileKeyAndNode(`https://www.figma.com/design/${KEY}`)).toMatchObject({
      ok: false,
      code: 'bad-file-key',
      message: 'file_key looks like a URL; pass the URL as a URL or just the key part.',
    });
    expect(fileKeyAndNode(KEY, 'nope')).toMatchObject({ ok: false, code: 'bad-node-id' });
  });
});
