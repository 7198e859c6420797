/** Articles whose every text field is hostile to XML and to readers, for the feed and sitemap tests. */
import type { Article } from '../../src/content/types.ts';
import { escapeHtml, renderMarkdown } from '../../src/markdown/render.ts';
import { FEATURES, XSS } from '../helpers/fixtures.ts';

export const SITE = 'https://al-ayyam.example';

/**
 * `]]>`, `&`, markup, C0 controls (\u0001, \u000b), a right-to-left override (\u202e … \u202c), a noncharacter
 * (\uffff) and a lone surrogate (\ud800); a real surrogate pair (an emoji) and an RLM mark must survive.
 */
export const HOSTILE_TEXT = 'خبر ]]> عاجل & <b>هام</b> \u0001بيروت\u000b \u202eمعكوس\u202c \uffffنهاية\ud800 📰\u200f';
/** HOSTILE_TEXT as it must come out: only the illegal and bidi-override characters removed. */
export const HOSTILE_CLEAN = 'خبر ]]> عاجل & <b>هام</b> بيروت معكوس نهاية 📰\u200f';

export const HOSTILE: Article = {
  ...FEATURES,
  slug: 'خبر-معادٍ',
  file: 'content/hostile.md',
  title: `عنوان ${HOSTILE_TEXT}`,
  summary: `ملخص ${HOSTILE_TEXT}`,
  author: `كاتب ${HOSTILE_TEXT}`,
  source: null,
  tags: [HOSTILE_TEXT, 'أ&ب'],
  image: { src: '/images/test-photo.jpg', alt: `صورة ${HOSTILE_TEXT}`, caption: null, width: 800, height: 600 },
  publishedAt: '2024-06-02T09:30:00+03:00',
  updatedAt: '2024-06-03T07:00:00+03:00',
  version: 'hostile',
};

/** A body as markdown/render.ts writes it, with hostile text and every kind of URL a body can hold. */
export const HOSTILE_BODY = [
  `<p>${escapeHtml(HOSTILE_TEXT)}</p>`,
  '<p><a href="/articles/خبر">داخلي</a> <a href="#الخلفية">قسم</a> <a href="مجلد/ملف">نسبي</a>',
  '<a href="//cdn.example/x.js">بلا بروتوكول</a> <a href="https://example.com/?a=1&amp;b=2">خارجي</a>',
  '<a href="mailto:desk@example.com">بريد</a> <img src="/images/test-photo.jpg" alt="صورة" width="800" height="600"></p>',
].join('\n');

/** Feed entries: the two test fixtures with their real rendered bodies, and the hostile article. */
export const ENTRIES = [
  { article: HOSTILE, bodyHtml: HOSTILE_BODY },
  { article: XSS, bodyHtml: renderMarkdown(XSS.body, 'html', XSS.bodyImages) },
  { article: FEATURES, bodyHtml: renderMarkdown(FEATURES.body, 'html', FEATURES.bodyImages) },
];
