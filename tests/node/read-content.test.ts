import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeArticle, invalidUtf8Offset, readContentFolder } from '../../src/publish/node/read-content.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const ARTICLE = '---\ntitle: خبر\ndate: 2024-01-01\n---\nنص\n';

/** A project folder with content/ holding the given files; returns [root, contentDir]. */
function project(files: Record<string, string | Uint8Array>): [string, string] {
  const root = mkdtempSync(join(tmpdir(), 'read-content-'));
  dirs.push(root);
  mkdirSync(join(root, 'content'));
  for (const [name, data] of Object.entries(files)) writeFileSync(join(root, 'content', name), data);
  return [root, join(root, 'content')];
}

describe('readContentFolder', () => {
  it('reads visible *.md files, ignores OS litter and reports everything else by name', () => {
    const [root, dir] = project({ 'a.md': ARTICLE, '.DS_Store': 'x', 'notes.txt': 'x', '.hidden.md': ARTICLE });
    mkdirSync(join(dir, 'folder.md'));
    const { files, problems } = readContentFolder(root, dir);
    expect(files).toEqual([{ path: 'content/a.md', text: ARTICLE }]);
    expect(problems).toEqual([
      'content/.hidden.md: file: hidden article file; expected a name without a leading dot (use draft: true to hold an article back)',
      'content/folder.md: file: expected only markdown article files (*.md) in content/',
      'content/notes.txt: file: expected only markdown article files (*.md) in content/',
    ]);
  });

  it('accepts the media/ folder of photos (not its files as articles), but no other folder', () => {
    const [root, dir] = project({ 'a.md': ARTICLE });
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'media', 'photo.jpg'), 'x');
    writeFileSync(join(dir, 'media', 'b.md'), ARTICLE);
    mkdirSync(join(dir, 'photos'));
    const { files, problems } = readContentFolder(root, dir);
    expect(files.map((f) => f.path)).toEqual(['content/a.md']);
    expect(problems).toEqual(['content/photos: file: expected only markdown article files (*.md) in content/']);
  });

  it('refuses a symbolic link named media instead of the folder', () => {
    const [root, dir] = project({ 'a.md': ARTICLE });
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(dir, 'media'));
    const { problems } = readContentFolder(root, dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/media: file: symbolic link/);
  });

  it('refuses symbolic links, inside or outside the folder, without following them', () => {
    const [root, dir] = project({ 'a.md': ARTICLE });
    writeFileSync(join(root, 'secret.md'), ARTICLE);
    symlinkSync(join(root, 'secret.md'), join(dir, 'outside.md'));
    symlinkSync('a.md', join(dir, 'inside.md'));
    symlinkSync(join(root, 'missing'), join(dir, 'dangling.md'));
    const { files, problems } = readContentFolder(root, dir);
    expect(files.map((f) => f.path)).toEqual(['content/a.md']);
    expect(problems).toEqual(
      ['dangling', 'inside', 'outside'].map(
        (name) =>
          `content/${name}.md: file: symbolic link; expected a regular file inside content/ (links are not followed)`,
      ),
    );
  });

  it('reports a missing folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'read-content-'));
    dirs.push(root);
    expect(readContentFolder(root, join(root, 'content'))).toMatchObject({
      files: [],
      problems: ['content: folder not found'],
    });
  });

  it('reports each badly encoded file by name and still reads the others', () => {
    const latin1 = Buffer.from('---\ntitle: caf\xe9\n', 'latin1');
    const [root, dir] = project({
      'a.md': ARTICLE,
      'b.md': latin1,
      'c.md': Buffer.from(`\ufeff${ARTICLE}`, 'utf16le'),
    });
    const { files, problems } = readContentFolder(root, dir);
    expect(files.map((f) => f.path)).toEqual(['content/a.md']);
    expect(problems).toEqual([
      'content/b.md: encoding: invalid UTF-8 at byte offset 14 (byte 0xe9); expected a UTF-8 text file: save it again as UTF-8',
      'content/c.md: encoding: the file is encoded as UTF-16 (little-endian, with byte order mark); expected UTF-8: save it again as UTF-8',
    ]);
  });
});

describe('readContentFolder with stamps (what lets a publish skip unchanged files)', () => {
  /** Reads the folder as if a minute had passed since the files were written: none is too fresh for a stamp. */
  const later = () => Date.now() + 60_000;

  it('does not read a file skip accepts by its stamp, and lists it as skipped', () => {
    // Read, b.md would be an encoding problem: skipped, it is not.
    const [root, dir] = project({ 'a.md': ARTICLE, 'b.md': Buffer.from([0xff, 0xfe, 0x41, 0x00]) });
    const first = readContentFolder(root, dir, () => false, later);
    const bStamp = first.stamps.get('content/b.md');
    expect(first.problems).toHaveLength(1);
    const second = readContentFolder(root, dir, (path, stamp) => stamp === bStamp && path === 'content/b.md', later);
    expect(second).toMatchObject({ files: [{ path: 'content/a.md', text: ARTICLE }], problems: [] });
    expect(second.skipped).toEqual(['content/b.md']);
    expect([...second.stamps.keys()]).toEqual(['content/a.md', 'content/b.md']);
  });

  it('reads a file changed in the last 2 seconds, and gives it no stamp, whatever skip says', () => {
    const [root, dir] = project({ 'a.md': ARTICLE });
    const now = readContentFolder(root, dir, () => true);
    expect(now).toMatchObject({ files: [{ path: 'content/a.md' }], skipped: [] });
    expect(now.stamps.size).toBe(0);
  });

  it('gives a file a new stamp when its text is rewritten, even at the same size with its old time restored', async () => {
    const [root, dir] = project({ 'a.md': ARTICLE });
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, 'a.md'), hourAgo, hourAgo);
    const before = readContentFolder(root, dir, () => false, later).stamps.get('content/a.md');
    // File times tick coarsely (a few ms): the rewrite happens a tick later, as any real edit does.
    await new Promise((ok) => setTimeout(ok, 20));
    writeFileSync(join(dir, 'a.md'), ARTICLE.replace('نص', 'خط'));
    const rewritten = readContentFolder(root, dir, () => false, later).stamps.get('content/a.md');
    utimesSync(join(dir, 'a.md'), hourAgo, hourAgo);
    const restored = readContentFolder(root, dir, () => false, later).stamps.get('content/a.md');
    expect(new Set([before, rewritten, restored]).size).toBe(3);
    expect(readContentFolder(root, dir, () => false, later).stamps.get('content/a.md')).toBe(restored);
  });
});

describe('decodeArticle', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads UTF-8, dropping a byte order mark', () => {
    expect(decodeArticle(utf8(`\ufeff${ARTICLE}`))).toBe(ARTICLE);
  });

  it('reads CR-only and CRLF line endings as LF', () => {
    expect(decodeArticle(utf8(ARTICLE.replace(/\n/g, '\r')))).toBe(ARTICLE);
    expect(decodeArticle(utf8(ARTICLE.replace(/\n/g, '\r\n')))).toBe(ARTICLE);
  });

  it('names UTF-16 in all four forms', () => {
    const le = Buffer.from(ARTICLE, 'utf16le');
    const be = Buffer.from(le).swap16();
    const withBom = (b: Buffer, bom: number[]) => Buffer.concat([Buffer.from(bom), b]);
    expect(decodeArticle(withBom(le, [0xff, 0xfe]))).toEqual({
      problem: expect.stringContaining('UTF-16 (little-endian, with byte order mark)'),
    });
    expect(decodeArticle(withBom(be, [0xfe, 0xff]))).toEqual({
      problem: expect.stringContaining('UTF-16 (big-endian, with byte order mark)'),
    });
    expect(decodeArticle(le)).toEqual({
      problem: expect.stringContaining('UTF-16 (little-endian, without byte order mark)'),
    });
    expect(decodeArticle(be)).toEqual({
      problem: expect.stringContaining('UTF-16 (big-endian, without byte order mark)'),
    });
  });

  it('gives the byte offset of the first invalid UTF-8 sequence', () => {
    const bytes = utf8('خبر ');
    expect(invalidUtf8Offset(bytes)).toBeNull();
    expect(invalidUtf8Offset(Uint8Array.from([...bytes, 0xff]))).toBe(7);
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xd8]))).toBe(1); // truncated
    expect(invalidUtf8Offset(Uint8Array.from([0xc0, 0xaf]))).toBe(0); // overlong "/"
    expect(invalidUtf8Offset(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // a UTF-16 surrogate
    expect(invalidUtf8Offset(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // past U+10FFFF
    expect(invalidUtf8Offset(utf8('😀 ok'))).toBeNull();
    expect(decodeArticle(Uint8Array.from([...bytes, 0x80]))).toEqual({
      problem: 'invalid UTF-8 at byte offset 7 (byte 0x80); expected a UTF-8 text file: save it again as UTF-8',
    });
  });
});
