// Article bodies as D1 stores them (migrations/0009): deflated by the publish step, read back by every reader.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { publishArticles } from '../../src/publish/publish.ts';
import { readArticle } from '../../src/store/articles.ts';
import { readNewestWithBodies } from '../../src/store/lists.ts';
import { article } from '../helpers/articles.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const BODY = `كَتَبَ المحرّر عن **مرفأ بيروت** وأعاد البناء.\n\n${'أعلنت الحكومة اللبنانية خطة جديدة للكهرباء والمياه. '.repeat(30)}`;
const A = article(
  'content/body-a.md',
  `---\ntitle: إعادة بناء المرفأ\nslug: body-a\ndate: 2024-03-01T10:00:00\ntags: [بيروت]\n---\n\n${BODY}\n`,
);

describe('stored bodies', () => {
  it('are a third of the text in D1 and the same markdown when read, on the page and in feeds', async () => {
    await publishArticles(env.DB, [A], { now: NOW });
    const stored = await env.DB.prepare(
      "SELECT typeof(body) AS type, length(body) AS bytes FROM articles WHERE slug = 'body-a'",
    ).first<{ type: string; bytes: number }>();
    expect(stored?.type).toBe('blob');
    expect(stored?.bytes).toBeLessThan(new TextEncoder().encode(A.body).byteLength / 3);

    const found = await readArticle(env.DB, 'body-a', NOW.getTime());
    expect(found.kind === 'found' && found.article.body).toBe(A.body);
    const feed = await readNewestWithBodies(env.DB, {}, 10, NOW.getTime());
    expect(feed.items.find((a) => a.slug === 'body-a')?.body).toBe(A.body);
  });

  it('written as text before bodies were deflated are read as they are', async () => {
    await publishArticles(env.DB, [A], { now: NOW });
    await env.DB.prepare("UPDATE articles SET body = 'نص قديم بلا ضغط.' WHERE slug = 'body-a'").run();
    const found = await readArticle(env.DB, 'body-a', NOW.getTime());
    expect(found.kind === 'found' && found.article.body).toBe('نص قديم بلا ضغط.');
  });
});
