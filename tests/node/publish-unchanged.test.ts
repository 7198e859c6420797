/**
 * The real publish step (scripts/publish.ts) into a local D1 in a temporary persist folder: a file unchanged since
 * it was published is not read again, while every kind of edit is still published.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISH_FORMAT } from '../../src/content/build.ts';
import { hash64 } from '../../src/lib/hash.ts';
import { openLocal } from './support/node-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'publish-unchanged-'));
const persist = join(dir, 'state');
const content = join(dir, 'content');

const text = (slug: string, summary: string) =>
  `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: 2024-01-01T10:00:00\nsummary: ${summary}\n---\n\nنص الخبر.\n`;

function run(...extra: string[]) {
  const args = ['--experimental-strip-types', '--no-warnings', 'scripts/publish.ts', '--local'];
  return spawnSync(process.execPath, [...args, '--persist-to', persist, '--content', content, ...extra], {
    encoding: 'utf8',
  });
}

function publish(...extra: string[]): string {
  const { stdout, stderr, status } = run(...extra);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout;
}

async function summaryOf(slug: string): Promise<unknown> {
  const { db, close } = await openLocal(persist);
  try {
    return await db.prepare('SELECT summary FROM articles WHERE slug = ?').bind(slug).first('summary');
  } finally {
    await close();
  }
}

const hourAgo = new Date(Date.now() - 3_600_000);

beforeAll(async () => {
  mkdirSync(content, { recursive: true });
  for (const slug of ['a', 'b', 'c']) {
    writeFileSync(join(content, `${slug}.md`), text(slug, 'ملخص أول'));
    utimesSync(join(content, `${slug}.md`), hourAgo, hourAgo);
  }
  spawnSync(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
  // A file changed in the last 2 s is always read (file-stamps.ts); these are older by then.
  await new Promise((ok) => setTimeout(ok, 2_100));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('publishing again after an edit', () => {
  it('reads every file the first time, then none while nothing changes', () => {
    expect(publish()).toContain('added 3, updated 0, removed 0, unchanged 0');
    expect(publish()).toContain('; 0 of 3 file(s) read (3 unchanged since published)');
  });

  it('takes down the article whose file was deleted, without reading the others', () => {
    rmSync(join(content, 'a.md'));
    const out = publish();
    expect(out).toContain('added 0, updated 0, removed 1, unchanged 2');
    expect(out).toContain('; 0 of 2 file(s) read (2 unchanged since published)');
  });

  it('reads and publishes the one edited file', async () => {
    writeFileSync(join(content, 'b.md'), text('b', 'ملخص ثان'));
    const out = publish();
    expect(out).toContain('added 0, updated 1, removed 0, unchanged 1');
    expect(out).toContain('; 1 of 2 file(s) read (1 unchanged since published)');
    expect(await summaryOf('b')).toBe('ملخص ثان');
  });

  it('publishes an edit that keeps the size and restores the old modification time', async () => {
    expect(text('c', 'ملخص آخر').length).toBe(text('c', 'ملخص أول').length);
    writeFileSync(join(content, 'c.md'), text('c', 'ملخص آخر'));
    utimesSync(join(content, 'c.md'), hourAgo, hourAgo);
    // Past the 2 s in which a changed file is read anyway: only its change time tells the edit apart.
    await new Promise((ok) => setTimeout(ok, 2_100));
    expect(publish()).toContain('added 0, updated 1, removed 0, unchanged 1');
    expect(await summaryOf('c')).toBe('ملخص آخر');
  });

  it('publishes the file again when D1 holds another text for it (published from another machine)', async () => {
    const { db, close } = await openLocal(persist);
    await db
      .prepare("UPDATE articles SET source_hash = 'other', version = 'other', summary = 'من جهاز آخر' WHERE slug = 'b'")
      .run();
    await close();
    expect(publish()).toContain('added 0, updated 1, removed 0, unchanged 1');
    expect(await summaryOf('b')).toBe('ملخص ثان');
  });

  it('rewrites every article once after an upgrade changes the publish format, then reads none again', async () => {
    // The state a publish under the previous format left: its stamps file, and D1 rows with that format's source
    // hash (format 1 hashed the bare text) and versions.
    const stampsFile = join(persist, 'content-stamps.json');
    const saved = JSON.parse(readFileSync(stampsFile, 'utf8'));
    expect(saved.v).toBe(`2/${PUBLISH_FORMAT}`);
    saved.v = `2/${PUBLISH_FORMAT - 1}`;
    const { db, close } = await openLocal(persist);
    for (const [path, entry] of Object.entries(saved.files) as [string, [string, string]][]) {
      entry[1] = hash64(readFileSync(join(content, path.replace(/^.*\//, '')), 'utf8'));
      await db
        .prepare("UPDATE articles SET source_hash = ?, version = 'previous' WHERE file = ?")
        .bind(entry[1], path)
        .run();
    }
    await close();
    writeFileSync(stampsFile, JSON.stringify(saved));
    const out = publish();
    expect(out).toContain('added 0, updated 2, removed 0, unchanged 0');
    expect(out).toContain('; 2 of 2 file(s) read (0 unchanged since published)');
    expect(publish()).toContain('; 0 of 2 file(s) read (2 unchanged since published)');
  });

  it('with --full, reads and checks every file', () => {
    expect(publish('--full')).toContain('; 2 of 2 file(s) read (0 unchanged since published)');
  });

  it('still publishes when the stamps cannot be saved, and says so', async () => {
    mkdirSync(join(persist, 'content-stamps.json.tmp'));
    writeFileSync(join(content, 'b.md'), text('b', 'ملخص ثالث'));
    const { status, stdout, stderr } = run();
    expect(status).toBe(0);
    expect(stdout).toContain('updated 1');
    expect(stderr).toMatch(
      /^Could not save .*content-stamps\.json \(.*\): published all the same; the next run may read unchanged files again\.\n$/,
    );
    expect(await summaryOf('b')).toBe('ملخص ثالث');
  });
});
