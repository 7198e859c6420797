import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOMBS, longArticle } from '../markdown/bombs.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `npm run check:content`'s script against a temporary content folder. `links` maps a file name in
 * content/ to the path (relative to the temporary project) its symbolic link points to: a valid article.
 */
function check(
  files: Record<string, string | Uint8Array>,
  links: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content'));
  cpSync('public', join(dir, 'public'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'content', name), text);
  for (const [name, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, target)), { recursive: true });
    writeFileSync(join(dir, target), '---\ntitle: سر\ndate: 2024-01-01\n---\nسر\n');
    symlinkSync(join(dir, target), join(dir, 'content', name));
  }
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      'scripts/publish.ts',
      '--check',
      '--content',
      join(dir, 'content'),
      '--public',
      join(dir, 'public'),
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:content', () => {
  it('passes the real content/', () => {
    const result = spawnSync('npm', ['run', '--silent', 'check:content'], { encoding: 'utf8' });
    // Only the seed is published: site.yaml's other sections have no article yet, a warning that does not fail.
    expect(result.stderr).toMatch(
      /^content\/site\.yaml: sections: no published article has these tags yet, so their sections gather nothing by them: لبنان \(لبنان، بيروت، سياسة\);[^\n]*\n$/,
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Content OK: \d+ article\(s\) published/);
  });

  it('fails with one line per problem naming file, field and expectation', () => {
    const result = check({
      'ok.md': '---\ntitle: خبر\ndate: 2024-01-01\n---\nنص\n',
      'bad.md': '---\ntitel: خبر\ndate: 2024-13-01\nimage:\n  src: /images/missing.png\n  alt: وصف\n---\nنص\n',
      'notes.txt': 'not an article',
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('Content check failed: 5 problem(s)');
    expect(result.stderr).toMatch(/content\/notes\.txt: file: expected only markdown article files \(\*\.md\)/);
    expect(result.stderr).toContain('bad.md: titel: unknown field (did you mean "title"?)');
    expect(result.stderr).toContain('bad.md: title: required, expected a non-empty text');
    expect(result.stderr).toContain(
      'bad.md: date: expected an ISO 8601 date such as 2023-09-14T12:00:00, got "2024-13-01"',
    );
    expect(result.stderr).toContain('bad.md: image.src: "/images/missing.png": file not found');
  });

  it('reports bad percent-encoding and paths that leave public/, and hidden article files', () => {
    const result = check({
      'a.md': '---\ntitle: أ\ndate: 2024-01-01\n---\n\n![x](/images/50%off.png)\n',
      'b.md': '---\ntitle: ب\ndate: 2024-01-01\n---\n\n![x](/%2e%2e/content/a.md)\n',
      '.c.md': '---\ntitle: ج\ndate: 2024-01-01\n---\nنص\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a.md: body: image "/images/50%off.png": expected a valid percent-encoded path');
    expect(result.stderr).toContain('b.md: body: image "/%2e%2e/content/a.md": expected a path inside public/');
    expect(result.stderr).toMatch(/\.c\.md: file: hidden article file; expected a name without a leading dot/);
  });

  it('fails on invalid YAML and duplicate slugs', () => {
    const result = check({
      'a.md': '---\ntitle: [غير مغلق\ndate: 2024-01-01\n---\nنص\n',
      'b.md': '---\ntitle: ب\nslug: خبر\ndate: 2024-01-01\n---\nنص\n',
      'c.md': '---\ntitle: ج\nslug: خبر\ndate: 2024-01-02\n---\nنص\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a\.md: front matter: invalid YAML \(front matter line \d+, column \d+\)/);
    expect(result.stderr).toMatch(/c\.md: slug: "خبر" is already used by \S*b\.md/);
  });

  it('refuses every hostile input of issue #9 with one line per file, and no stack trace', () => {
    const article = (body: string, front = '') => `---\ntitle: خبر\ndate: 2024-01-01\n${front}---\n${body}`;
    const files: Record<string, string | Uint8Array> = { 'ok.md': article('نص\n') };
    for (const [i, body] of Object.values(BOMBS).entries()) files[`bomb-${i}.md`] = article(body);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const c of 'bcdefghi') {
      laughs.push(
        `${c}: &${c} [${Array(9)
          .fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    }
    files['laughs.md'] = article('نص\n', `${laughs.join('\n')}\n`);
    files['aliases.md'] =
      `---\ntitle: &s خبر\ndate: 2024-01-01\ntags: [${Array(120).fill('*s').join(', ')}]\n---\nنص\n`;
    files['function.md'] = article('نص\n', 'summary: !!js/function "function () {}"\n');
    files['latin1.md'] = Buffer.concat([Buffer.from(article('نص ')), Buffer.from([0xe9, 0x0a])]);
    files['utf16.md'] = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article('نص\n'), 'utf16le')]);
    files['utf16-nobom.md'] = Buffer.from(article('نص\n'), 'utf16le').swap16();
    files['bidi-slug.md'] = article('نص\n', 'slug: p\u0430yp\u0430l\n');
    const secret = join('outside', 'secret.md');
    const result = check(files, { 'link.md': secret });

    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/RangeError|ReferenceError|Maximum call stack/);
    const lines = result.stderr.trim().split('\n').slice(1);
    const byFile = (name: string) => lines.filter((line) => line.includes(`content/${name}:`));
    for (const i of Object.keys(Object.values(BOMBS)).map(Number)) {
      expect(byFile(`bomb-${i}.md`)).toEqual([expect.stringMatching(/: body: line \d+: (block quotes|more than 150)/)]);
    }
    expect(byFile('laughs.md')).toEqual([expect.stringContaining(': front matter: YAML aliases (*name) expand')]);
    expect(byFile('aliases.md')).toHaveLength(119);
    expect(byFile('aliases.md')[0]).toMatch(/aliases\.md: tags\[1\]: duplicate tag "خبر"$/);
    expect(byFile('function.md')).toEqual([
      expect.stringContaining(': front matter: YAML tag "!!js/function" is not allowed'),
    ]);
    expect(byFile('latin1.md')).toEqual([
      expect.stringMatching(/: encoding: invalid UTF-8 at byte offset \d+ \(byte 0xe9\)/),
    ]);
    expect(byFile('utf16.md')).toEqual([
      expect.stringContaining(': encoding: the file is encoded as UTF-16 (little-endian, with byte order mark)'),
    ]);
    expect(byFile('utf16-nobom.md')).toEqual([
      expect.stringContaining(': encoding: the file is encoded as UTF-16 (big-endian, without byte order mark)'),
    ]);
    expect(byFile('bidi-slug.md')).toEqual([expect.stringContaining(': slug: expected each word in one script')]);
    expect(byFile('link.md')).toEqual([
      expect.stringMatching(
        /content\/link\.md: file: symbolic link; expected a regular file inside content\/ \(links are not followed\)$/,
      ),
    ]);
    expect(byFile('ok.md')).toEqual([]);
    expect(lines).toHaveLength(8 + 1 + 119 + 1 + 1 + 1 + 1 + 1 + 1);
  });

  it('passes an ordinary 100 KB article within the render budget, and reads CR-only line endings', () => {
    const result = check({
      'long.md': `---\ntitle: تقرير طويل\ndate: 2024-01-01\n---\n${longArticle()}`,
      'mac.md': '---\rtitle: خبر\rdate: 2024-01-01\r---\rنص\r',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Content OK: 2 article(s) published\n');
    expect(result.status).toBe(0);
  });
});
