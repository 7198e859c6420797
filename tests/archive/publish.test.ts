import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/content/types.ts';
import { publishArticles } from '../../src/publish/publish.ts';
import { readPublishedState } from '../../src/publish/write.ts';
import { article } from '../helpers/articles.ts';
import { isWrite, recordingD1 } from '../helpers/d1.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const make = (slug: string, date: string, extra = '') =>
  article(
    `content/${slug}.md`,
    `---\ntitle: خبر ${slug}\nslug: ${slug}\ndate: ${date}\ntags: [لبنان]\n${extra}---\n\nنص ${slug}.\n`,
  );
const A = make('a', '2024-01-01T10:00:00');
const B = make('b', '2024-01-02T10:00:00');
const C = make('c', '2024-01-03T10:00:00');

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())?.n;

describe('the publish step', () => {
  it('writes new articles, then nothing when run again', async () => {
    const first = await publishArticles(env.DB, [A, B, C], { now: NOW });
    expect(first).toMatchObject({ updated: [], removed: [], unchanged: 0 });
    expect(first.added.map((a) => a.slug)).toEqual(['a', 'b', 'c']);
    const recorder = recordingD1(env.DB);
    const second = await publishArticles(recorder.db, [A, B, C], { now: NOW });
    expect(second).toMatchObject({ added: [], updated: [], removed: [], unchanged: 3 });
    expect(recorder.statements.filter(isWrite)).toEqual([]);
  });

  it('rewrites only the article whose file changed', async () => {
    await publishArticles(env.DB, [A, B, C], { now: NOW });
    const editedB = make('b', '2024-01-02T10:00:00', 'summary: ملخص جديد\n');
    expect(editedB.version).not.toBe(B.version);
    const recorder = recordingD1(env.DB);
    const plan = await publishArticles(recorder.db, [A, editedB, C], { now: NOW });
    expect(plan.updated.map((a) => a.slug)).toEqual(['b']);
    const writes = recorder.statements.filter(isWrite);
    // Every write names b (its row, tags and list entries), renumbers the lists b is in or counts b's search terms.
    for (const write of writes) {
      expect(write.params.includes('b') || /dirty_lists|search_terms/.test(write.sql), write.sql).toBe(true);
    }
    expect(await env.DB.prepare('SELECT summary FROM articles WHERE slug = ?').bind('b').first('summary')).toBe(
      'ملخص جديد',
    );
  });

  it('leaves list entries alone when an edit keeps the time, tags and top flag, and moves them when not', async () => {
    await publishArticles(env.DB, [A, B, C], { now: NOW });
    const recorder = recordingD1(env.DB);
    await publishArticles(recorder.db, [A, { ...B, title: 'عنوان جديد', version: 'b-2' }, C], { now: NOW });
    expect(recorder.statements.filter((s) => isWrite(s) && /listings|dirty_lists/.test(s.sql))).toEqual([]);
    // B moves to the newest place: its entries are rewritten and the lists renumbered.
    const moved = make('b', '2024-01-05T10:00:00');
    await publishArticles(env.DB, [A, moved, C], { now: NOW });
    const { results } = await env.DB.prepare("SELECT slug, seq FROM listings WHERE list = 'all' ORDER BY seq").all();
    expect(results).toEqual([
      { slug: 'a', seq: 1 },
      { slug: 'c', seq: 2 },
      { slug: 'b', seq: 3 },
    ]);
  });

  it('takes down articles whose file was removed, and brings them back when it returns', async () => {
    await publishArticles(env.DB, [A, B, C], { now: NOW });
    const plan = await publishArticles(env.DB, [A, C], { now: NOW });
    expect(plan.removed).toEqual(['b']);
    expect(await count("SELECT count(*) AS n FROM articles WHERE slug = 'b'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM listings WHERE slug = 'b'")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM takedowns WHERE slug = 'b'")).toBe(1);
    const back = await publishArticles(env.DB, [A, B, C], { now: NOW });
    expect(back.added.map((a) => a.slug)).toEqual(['b']);
    expect(await count("SELECT count(*) AS n FROM takedowns WHERE slug = 'b'")).toBe(0);
  });

  it('keeps every statement within D1 limits: 100 bound parameters, 100 KB of SQL', async () => {
    const manyTags = Array.from({ length: 150 }, (_, i) => `وسم${i}`);
    const big: Article = {
      ...make('big', '2024-02-01T10:00:00'),
      tags: manyTags,
      body: 'كلمة '.repeat(40_000),
      version: 'big-1',
    };
    const recorder = recordingD1(env.DB);
    await publishArticles(recorder.db, [A, big], { now: NOW });
    for (const s of recorder.statements) {
      expect(s.params.length, s.sql).toBeLessThanOrEqual(100);
      expect(new TextEncoder().encode(s.sql).length).toBeLessThan(100_000);
    }
    expect(await count("SELECT count(*) AS n FROM article_tags WHERE slug = 'big'")).toBe(150);
    expect(await count("SELECT count(*) AS n FROM listings WHERE slug = 'big'")).toBe(2 + 2 * 150);
  });

  it('numbers every list from its oldest entry, whatever order articles arrive in', async () => {
    const older = make('old', '2023-05-01T10:00:00');
    await publishArticles(env.DB, [C, A, older, B], { now: NOW });
    const { results } = await env.DB.prepare("SELECT slug, seq FROM listings WHERE list = 'all' ORDER BY seq").all();
    expect(results).toEqual([
      { slug: 'old', seq: 1 },
      { slug: 'a', seq: 2 },
      { slug: 'b', seq: 3 },
      { slug: 'c', seq: 4 },
    ]);
    expect(await count('SELECT count(*) AS n FROM dirty_lists')).toBe(0);
  });

  it('records the new text hash of a file edited without changing its article, once', async () => {
    const hashes = (h: string) => new Map([[A.file, h]]);
    await publishArticles(env.DB, [A], { now: NOW, sourceHashes: hashes('text-1') });
    const plan = await publishArticles(env.DB, [A], { now: NOW, sourceHashes: hashes('text-2') });
    expect(plan).toMatchObject({ added: [], updated: [], unchanged: 1 });
    expect(await env.DB.prepare("SELECT source_hash FROM articles WHERE slug = 'a'").first('source_hash')).toBe(
      'text-2',
    );
    const recorder = recordingD1(env.DB);
    await publishArticles(recorder.db, [A], { now: NOW, sourceHashes: hashes('text-2') });
    expect(recorder.statements.filter(isWrite)).toEqual([]);
  });

  it('finishes the numbering an interrupted run left behind, on the next run', async () => {
    await publishArticles(env.DB, [A, B, C], { now: NOW });
    // As if a run died after writing and before renumbering: a list marked dirty with a wrong order.
    await env.DB.batch([
      env.DB.prepare("UPDATE listings SET seq = 4 - seq WHERE list = 'all'"),
      env.DB.prepare("INSERT INTO dirty_lists (list) VALUES ('all')"),
    ]);
    const plan = await publishArticles(env.DB, [A, B, C], { now: NOW });
    expect(plan.unchanged).toBe(3);
    const { results } = await env.DB.prepare("SELECT slug FROM listings WHERE list = 'all' ORDER BY seq").all();
    expect(results.map((r) => r.slug)).toEqual(['a', 'b', 'c']);
  });
});

describe('the published state', () => {
  it('reads the same in pages of a few rows as in one, with image sizes and hashes but not their variants', async () => {
    const photo = { src: '/media/p.jpg', alt: 'صورة', caption: null, width: 800, height: 600 };
    const variant = { key: 'img/00000000000000aa/480.jpg', width: 480, height: 360, contentType: 'image/jpeg' };
    const media = { v: 1, hash: '00000000000000aa', width: 800, height: 600, variants: [variant], fallback: variant };
    const withPhoto: Article = {
      ...make('d', '2024-01-04T10:00:00'),
      image: { ...photo, media } as Article['image'],
      bodyImages: { '/media/q.jpg': { width: 10, height: null as unknown as number, hash: 'bb', src: '/media/x' } },
    };
    await publishArticles(env.DB, [A, B, C, withPhoto], { now: NOW });
    await publishArticles(env.DB, [A, B, withPhoto], { now: NOW });
    const whole = await readPublishedState(env.DB);
    expect(await readPublishedState(env.DB, 1)).toEqual(whole);
    expect(await readPublishedState(env.DB, 2)).toEqual(whole);
    expect([...whole.rows.keys()].sort()).toEqual(['a', 'b', 'd']);
    expect(whole.takedowns.has('c')).toBe(true);
    expect(whole.rows.get('d')?.images).toEqual({
      '/media/p.jpg': { width: 800, height: 600, hash: '00000000000000aa' },
      '/media/q.jpg': { width: 10, height: null, hash: 'bb' },
    });
    expect(whole.rows.get('a')?.images).toEqual({});
  });
});

describe('the search index', () => {
  it('is written by the publish step with each article, replaced when it changes, and emptied on takedown', async () => {
    const search = (word: string) =>
      env.DB.prepare('SELECT rowid FROM article_search WHERE article_search MATCH ?1')
        .bind(`"${word}"`)
        .all()
        .then((r) => r.results.length);
    const withWord = make('s1', '2024-03-01T10:00:00', 'summary: موجز\n');
    await publishArticles(env.DB, [A, { ...withWord, body: 'نص عن الزيتون.' }], { now: NOW });
    expect(await search('الزيتون')).toBe(1);
    await publishArticles(env.DB, [A, { ...withWord, body: 'نص عن التفاح.', version: 'v2' }], { now: NOW });
    expect(await search('الزيتون')).toBe(0);
    expect(await search('التفاح')).toBe(1);
    await publishArticles(env.DB, [A], { now: NOW });
    expect(await search('التفاح')).toBe(0);
  });
});
