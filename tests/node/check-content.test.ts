import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm run check:content`'s script against a temporary content folder. */
function check(files: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content'));
  cpSync('public', join(dir, 'public'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'content', name), text);
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
    expect(result.stderr).toBe('');
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
});
