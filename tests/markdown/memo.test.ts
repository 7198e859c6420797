import { env } from 'cloudflare:test';
import { Lexer } from 'marked';
import { describe, expect, it, vi } from 'vitest';
import { articleBody, articleText } from '../../src/site/bodies.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

const A = article('content/memo.md', '---\ntitle: ذاكرة\ndate: 2024-01-01\n---\n\n## قسم\n\nنص المقال.\n');

describe('per-isolate memoization', () => {
  it('parses an article once, however many requests and outputs use it', async () => {
    const site = testApp({ bindings: env, articles: [A] });
    // Publishing lexes the body too (for the search index): count only what requests do.
    await site.seed();
    const lex = vi.spyOn(Lexer, 'lex');
    for (let i = 0; i < 5; i++) expect((await site.request('/articles/memo')).status).toBe(200);
    expect(await articleBody(site.deps.caches, A, 'amp')).toContain('<h2 id="قسم">');
    expect(await articleText(site.deps.caches, A)).toBe('قسم\n\nنص المقال.');
    expect(lex).toHaveBeenCalledTimes(1);
    lex.mockRestore();
  });

  it('re-renders when the article changes (a new version)', async () => {
    const { caches } = testApp({ bindings: env, articles: [A] }).deps;
    const edited = { ...A, body: 'نص معدّل.', version: `${A.version}-edited` };
    expect(await articleBody(caches, edited, 'html')).toBe('<p>نص معدّل.</p>\n');
    expect(await articleBody(caches, A, 'html')).toContain('نص المقال.');
  });
});
