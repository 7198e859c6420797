import { beforeAll, describe, expect, it } from 'vitest';
import { renderAmpDocument } from '../../src/render/amp-page.tsx';
import type { ArticlePageData } from '../../src/render/page-data.ts';
import { CORRECTION, livePage, RANA, SAMI } from '../render/newsroom-fixtures.tsx';
import { ensureValidatorEngine, validateAmp } from './support/amp-validator.ts';

beforeAll(() => {
  ensureValidatorEngine();
}, 300_000);

/** The live article's AMP page: named writers, corrections, and the updates in amp-live-list. */
const page = (options: Parameters<typeof livePage>[1] = {}): ArticlePageData =>
  livePage('amp', { authors: [RANA, SAMI], corrections: [CORRECTION], ...options });

describe('live AMP pages pass the official AMP validator', () => {
  const cases: [string, ArticlePageData][] = [
    ['open coverage (amp-live-list polling)', page()],
    ['ended coverage (amp-live-list disabled)', page({ ended: true })],
    [
      'open coverage before its first update',
      { ...page(), live: { ...(page().live as NonNullable<ArticlePageData['live']>), updates: [], lastUpdate: null } },
    ],
    [
      'hostile update headings, writer names and breaking bar',
      (() => {
        const evil = '</script><script>alert(1)</script><amp-img src=x>';
        const data = page({ authors: [{ ...RANA, name: evil, role: evil }] });
        const live = data.live as NonNullable<ArticlePageData['live']>;
        return {
          ...data,
          chrome: {
            ...data.chrome,
            breaking: { title: evil, url: '/articles/x', publishedAt: live.start, live: true },
          },
          live: { ...live, updates: live.updates.map((u) => ({ ...u, title: evil })) },
        };
      })(),
    ],
  ];

  it.each(cases)('%s', async (_, data) => {
    const html = renderAmpDocument(data);
    expect(html).toContain('<amp-live-list id="live-updates"');
    const result = await validateAmp(html);
    // On failure the validator's messages, with line and column, are the assertion's diff.
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('PASS');
  });

  it('the validator does reject a live list without its update button (the check is live)', async () => {
    const html = renderAmpDocument(page()).replace(/<button [^>]*update=""[^>]*>.*?<\/button>/, '');
    expect(html).not.toContain('update=""');
    const result = await validateAmp(html);
    expect(result.status).toBe('FAIL');
  });
});
