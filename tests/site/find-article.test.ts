/** Which article a URL names (src/site/find-article.ts): found once published, gone, or missing. */
import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH } from '../../src/content/slug.ts';
import type { Article } from '../../src/content/types.ts';
import type { Archive } from '../../src/site/archive.ts';
import { findArticle } from '../../src/site/find-article.ts';
import type { ArticleLookup } from '../../src/store/articles.ts';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const ARTICLE = { slug: 'خبر', title: 'خبر' } as unknown as Article;

/** An archive that knows one lookup and records the slugs it was asked for. */
function archiveOf(lookup: ArticleLookup) {
  const asked: string[] = [];
  const archive = {
    article: async (slug: string) => {
      asked.push(slug);
      return lookup;
    },
  } as unknown as Archive;
  return { archive, asked };
}

const found = (publishedMs: number): ArticleLookup => ({ kind: 'found', article: ARTICLE, publishedMs, related: [] });

describe('finding an article', () => {
  it('finds a published article, from its publication minute on', async () => {
    expect(await findArticle(archiveOf(found(NOW - 1)).archive, 'خبر', NOW)).toEqual({
      kind: 'found',
      article: ARTICLE,
      related: [],
    });
    expect((await findArticle(archiveOf(found(NOW)).archive, 'خبر', NOW)).kind).toBe('found');
  });

  it('says missing for an article scheduled later, until its time', async () => {
    expect(await findArticle(archiveOf(found(NOW + 1)).archive, 'خبر', NOW)).toEqual({ kind: 'missing' });
  });

  it('passes on gone and missing as the archive says them', async () => {
    expect(await findArticle(archiveOf({ kind: 'gone' }).archive, 'x', NOW)).toEqual({ kind: 'gone' });
    expect(await findArticle(archiveOf({ kind: 'missing' }).archive, 'x', NOW)).toEqual({ kind: 'missing' });
  });

  it('asks for the slug in NFC, whatever form the URL wrote it in', async () => {
    const { archive, asked } = archiveOf({ kind: 'missing' });
    await findArticle(archive, 'cafe\u0301', NOW);
    expect(asked).toEqual(['caf\u00e9']);
  });

  it('does not ask the archive about a slug longer than any slug can be written, even percent-decoded', async () => {
    const longest = 'a'.repeat(MAX_SLUG_LENGTH * 4);
    const atLimit = archiveOf(found(NOW - 1));
    expect((await findArticle(atLimit.archive, longest, NOW)).kind).toBe('found');
    const over = archiveOf(found(NOW - 1));
    expect(await findArticle(over.archive, `${longest}a`, NOW)).toEqual({ kind: 'missing' });
    expect(over.asked).toEqual([]);
  });
});
