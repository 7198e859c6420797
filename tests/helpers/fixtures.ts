/**
 * The test articles in tests/fixtures/ (not published content): every markdown feature, every XSS vector, a live
 * coverage and a corrected article.
 */
import corrected from '../fixtures/corrected.md?raw';
import features from '../fixtures/features.md?raw';
import live from '../fixtures/live.md?raw';
import xss from '../fixtures/xss.md?raw';
import { article } from './articles.ts';

export const FEATURES = article('content/features.md', features);
export const XSS = article('content/xss.md', xss);
/** The XSS article's vectors: each paragraph of its body but the last, which defines `[k][ref]`'s target. */
export const XSS_VECTORS = XSS.body.trim().split('\n\n').slice(0, -1);

/** The example writer of content/authors/, as articles name her. */
export const RANA = { slug: 'rana-haddad', name: 'رنا حداد', role: 'مراسلة في بيروت' };
/** The live coverage fixture (four updates, the last on the next day) and the corrected article, built as of NOW. */
export const NEWSROOM_NOW = Date.parse('2026-03-12T00:00:00Z');
export const LIVE = article('content/live.md', live, {
  authors: new Map([[RANA.slug, RANA]]),
  now: NEWSROOM_NOW,
});
export const CORRECTED = article('content/corrected.md', corrected, { now: NEWSROOM_NOW });
