import { describe, expect, it } from 'vitest';
import { cutAtWord, decodeEntities, readingMinutes, tokensToText } from '../../src/markdown/plain-text.ts';
import { lexBody } from '../../src/markdown/render.ts';

/** The plain text of a markdown body, as in the JSON `text`, the search index and the reading time. */
const plain = (markdown: string) => tokensToText(lexBody(markdown));

describe('cutAtWord (summaries)', () => {
  it('leaves text that fits alone, with its whitespace flattened', () => {
    expect(cutAtWord('  قمة  كيم\nبوتين  ', 200)).toBe('قمة كيم بوتين');
    expect(cutAtWord('a'.repeat(20), 20)).toBe('a'.repeat(20));
  });

  it('cuts a long text at the last word boundary and marks the cut with an ellipsis', () => {
    const text = 'كلمة '.repeat(60).trim(); // 299 characters
    const cut = cutAtWord(text, 200);
    expect(cut.endsWith('كلمة…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(201);
    expect(cut.length).toBeGreaterThan(190);
    expect(cut.slice(0, -1)).toBe(text.slice(0, cut.length - 1));
  });

  it('drops punctuation left before the ellipsis', () => {
    const kept = 'أولاً، ثانياً، ثالثاً،';
    expect(cutAtWord(`${kept} رابعاً`, kept.length)).toBe('أولاً، ثانياً، ثالثاً…');
  });

  it('cuts at the last space before the limit, not inside the next word', () => {
    const text = 'التقى الرئيسان في العاصمة الروسية لبحث التعاون العسكري والاقتصادي بين البلدين';
    expect(cutAtWord(text, 20)).toBe('التقى الرئيسان في…');
    expect(cutAtWord(text, 40)).toBe('التقى الرئيسان في العاصمة الروسية لبحث…');
  });

  it('drops a run of dots before the ellipsis, not just the last one', () => {
    expect(cutAtWord('قال المتحدث... ثم غادر القاعة مسرعا', 16)).toBe('قال المتحدث…');
  });

  it('cuts inside a word when no boundary is near the limit', () => {
    expect(cutAtWord(`قصير ${'ب'.repeat(50)}`, 20)).toBe(`قصير ${'ب'.repeat(15)}…`);
  });
});

describe('decodeEntities and readingMinutes', () => {
  it('decodes numeric and named references and keeps unknown ones', () => {
    expect(decodeEntities('&#1576;&#x628;&amp;&colon;&bogus;&#0;')).toBe('بب&:&bogus;&#0;');
  });

  it('decodes upper-case hex references and keeps references beyond Unicode as written', () => {
    expect(decodeEntities('&#X628;&#x10FFFF;')).toBe('ب\u{10FFFF}');
    expect(decodeEntities('نص &#x110000; و&#99999999;')).toBe('نص &#x110000; و&#99999999;');
  });

  it('counts numbers as words and punctuation standing alone as none', () => {
    // 260 words and 60 dashes: 1.4 minutes, not 1.8.
    expect(readingMinutes(`${'كلمة '.repeat(260)}${' — '.repeat(60)}`)).toBe(1);
    // 270 words, half of them years: 1.5 minutes, rounded up.
    expect(readingMinutes('في 2024 '.repeat(135))).toBe(2);
  });

  it('reads about 180 Arabic words a minute, at least one', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('كلمة '.repeat(900))).toBe(5);
    expect(readingMinutes(`${'كلمة '.repeat(360)} — — —`)).toBe(2);
  });
});

describe('tokensToText (JSON text, search index, reading time)', () => {
  it('separates blocks by one blank line and leaves out rules, link definitions and blank lines', () => {
    expect(plain('قبل\n\n---\n\n\n\nبعد\n\n[مرجع]: https://example.com')).toBe('قبل\n\nبعد');
  });

  it('keeps the words of emphasis, links, images (their alt text) and escaped characters', () => {
    expect(plain('**غامق** و*مائل* و[رابط](https://example.com) و~~محذوف~~')).toBe('غامق ومائل ورابط ومحذوف');
    expect(plain('![صورة القمة](/images/x.png) بعدها')).toBe('صورة القمة بعدها');
    expect(plain('![أ &amp; ب](/images/x.png)')).toBe('أ & ب');
    expect(plain('\\*ليس تأكيدا\\*')).toBe('*ليس تأكيدا*');
  });

  it('keeps code spans and code blocks as written, references and all', () => {
    expect(plain('نص &amp; `&amp;` و\n\n```\na &lt; b\n```')).toBe('نص & &amp; و\n\na &lt; b');
  });

  it('turns a hard line break into a new line', () => {
    expect(plain('سطر  \nسطر ثان')).toBe('سطر\nسطر ثان');
  });

  it('gives list items one per line, and the paragraphs of a quote or an item apart', () => {
    expect(plain('- أول\n- ثان\n- ثالث')).toBe('أول\nثان\nثالث');
    expect(plain('1. أول\n\n   فقرة ثانية\n2. ثان')).toBe('أول\n\nفقرة ثانية\nثان');
    expect(plain('> اقتباس\n>\n> فقرة ثانية')).toBe('اقتباس\n\nفقرة ثانية');
    // A checklist: the boxes have no text of their own.
    expect(plain('- [x] تم\n- [ ] لم يتم')).toBe('تم\nلم يتم');
  });

  it('gives a table row by row, cells separated by a bar', () => {
    expect(plain('| أ | ب |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |')).toBe('أ | ب\n1 | 2\n3 | 4');
  });

  it('shows the text of raw HTML without its tags, references decoded', () => {
    expect(plain('<div>\nنص &amp; <b>غامق</b>\n</div>\n\nبعد')).toBe('نص & غامق\n\nبعد');
    expect(plain('نص <span>داخل</span> و&lt;b&gt;')).toBe('نص داخل و<b>');
  });
});
