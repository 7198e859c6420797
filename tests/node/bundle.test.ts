/**
 * The Worker as `wrangler deploy` would upload it: within its size budget at every archive size, holding no
 * article, and without browser-side code a module pulled in by accident.
 *
 * The budget: 60 KiB gzip while the site was one column of text (issue 8, 59.7 KiB at its last commit). The
 * newspaper's front page, sections, share links and their stylesheet, the section and front-page JSON and the
 * page-assembly layer brought it to 68.3 KiB (issue 20); writers' pages, live coverage and corrections to
 * 73.8 KiB (issue 21). 80 KiB leaves room for a view or two while still catching an accident such as hono's client
 * renderer (7 KiB gzip). Startup, what size costs, is measured against a bare Hono Worker in `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_NAME } from '../../src/site.ts';

const out = mkdtempSync(join(tmpdir(), 'bundle-'));
let bundle: Buffer;
let sources: string[];

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--outdir', out],
    { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  expect(build.status, build.stderr).toBe(0);
  bundle = readFileSync(join(out, 'index.js'));
  sources = JSON.parse(readFileSync(join(out, 'index.js.map'), 'utf8')).sources;
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Whether the bundle holds a text, as UTF-8 or as the `\uXXXX` escapes esbuild writes for non-ASCII letters. */
function holds(text: string): boolean {
  const escaped = (hex: (n: number) => string) =>
    text.replace(/[^\x00-\x7f]/g, (c) => `\\u${hex(c.charCodeAt(0)).padStart(4, '0')}`);
  return [text, escaped((n) => n.toString(16).toUpperCase()), escaped((n) => n.toString(16))].some((form) =>
    bundle.includes(Buffer.from(form)),
  );
}

describe('the Worker bundle', () => {
  it('is at most 80 KiB gzip', () => {
    expect(gzipSync(bundle).length).toBeLessThanOrEqual(80 * 1024);
  });

  it('holds no article: the seed article is read from D1, not bundled', () => {
    // esbuild writes non-ASCII text in strings as \uXXXX escapes: the site's name, which the views hold, is there.
    expect(holds(SITE_NAME)).toBe(true);
    const seed = readFileSync('content/2023-09-14-kim-putin-summit.md', 'utf8');
    const firstLine = seed.split(/^---$/m)[2]?.trim().split('\n')[0] ?? '';
    expect(firstLine.length).toBeGreaterThan(30);
    expect(holds(firstLine.slice(0, 30))).toBe(false);
  });

  it("leaves out hono's client-side DOM renderer and hooks (pages are rendered on the server only)", () => {
    const client = /hono\/dist\/jsx\/(dom\/(render|hooks|components|jsx-runtime)|hooks|streaming)/;
    expect(sources.filter((s) => client.test(s))).toEqual([]);
  });

  it('does not run marked at startup: an isolate that serves cached pages never loads the markdown renderer', () => {
    // marked builds its grammar with `new RegExp` when its module runs; a fresh process counts the RegExps that
    // starting the Worker constructs, and those loading marked alone does.
    const constructed = (module: string) => {
      const script = `const Real = RegExp; let count = 0;
globalThis.RegExp = new Proxy(Real, { construct(target, args) { count++; return Reflect.construct(target, args); } });
await import(${JSON.stringify(module)});
process.stdout.write(String(count));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return Number(run.stdout);
    };
    const marked = constructed(join(process.cwd(), 'node_modules/marked/lib/marked.esm.js'));
    expect(marked).toBeGreaterThan(30);
    expect(constructed(join(out, 'index.js'))).toBeLessThan(marked / 4);
  });
});
