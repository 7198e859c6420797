/** The test articles in tests/fixtures/ (not published content): every markdown feature, and every XSS vector. */
import features from '../fixtures/features.md?raw';
import xss from '../fixtures/xss.md?raw';
import { article } from './articles.ts';

export const FEATURES = article('content/features.md', features);
export const XSS = article('content/xss.md', xss);
/** The XSS article's vectors: each paragraph of its body but the last, which defines `[k][ref]`'s target. */
export const XSS_VECTORS = XSS.body.trim().split('\n\n').slice(0, -1);
