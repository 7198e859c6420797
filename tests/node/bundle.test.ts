/**
 * The Worker as `wrangler deploy` would upload it: within its size budget (issue 8: at most 60 KiB gzip, at every
 * archive size), holding no article, and without browser-side code a module pulled in by accident.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

describe('the Worker bundle', () => {
  it('is at most 60 KiB gzip', () => {
    expect(gzipSync(bundle).length).toBeLessThanOrEqual(60 * 1024);
  });

  it('holds no article: the seed article is read from D1, not bundled', () => {
    const seed = readFileSync('content/2023-09-14-kim-putin-summit.md', 'utf8');
    const firstLine = seed.split(/^---$/m)[2]?.trim().split('\n')[0] ?? '';
    expect(firstLine.length).toBeGreaterThan(30);
    expect(bundle.includes(Buffer.from(firstLine.slice(0, 30)))).toBe(false);
  });

  it("leaves out hono's client-side DOM renderer and hooks (pages are rendered on the server only)", () => {
    const client = /hono\/dist\/jsx\/(dom\/(render|hooks|components|jsx-runtime)|hooks|streaming)/;
    expect(sources.filter((s) => client.test(s))).toEqual([]);
  });
});
