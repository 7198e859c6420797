import { describe, expect, it } from 'vitest';
import { buildContent } from '../../src/content/build.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { build, measureTestImage } from '../helpers/articles.ts';
import { BOMBS, longArticle } from '../markdown/bombs.ts';

const OK = '---\ntitle: خبر\ndate: 2024-01-01\n---\nنص\n';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('a body beyond the limits', () => {
  it("is that file's error, naming the line, and the other files are still built", () => {
    const files: Record<string, string> = { 'content/ok.md': OK };
    for (const [i, body] of Object.values(BOMBS).entries()) {
      files[`content/bomb-${i}.md`] = `---\ntitle: قنبلة\ndate: 2024-01-01\n---\n${body}`;
    }
    const { articles, errors } = build(files);
    expect(articles.map((a) => a.slug)).toEqual(['ok']);
    expect(errors).toEqual([
      'content/bomb-0.md: body: line 1: block quotes and lists nested more than 16 levels deep; expected at most 16',
      'content/bomb-1.md: body: line 1: block quotes and lists nested more than 16 levels deep; expected at most 16',
      ...[2, 3, 4, 5, 6].map(
        (i) =>
          `content/bomb-${i}.md: body: line 1: more than 150 emphasis and link markers (*, _, ~, [) in one paragraph; expected at most 150: deeply nested or unclosed emphasis and brackets make the page too slow to render`,
      ),
      'content/bomb-7.md: body: line 17: block quotes and lists nested more than 16 levels deep; expected at most 16',
    ]);
  });

  it('is checked in drafts too', () => {
    const text = `---\ntitle: مسودة\ndate: 2024-01-01\ndraft: true\n---\n${BOMBS['2,000 nested block quotes (2 KB)']}`;
    expect(build({ 'content/d.md': text }).errors).toEqual([
      'content/d.md: body: line 1: block quotes and lists nested more than 16 levels deep; expected at most 16',
    ]);
  });

  it('lets an ordinary 100 KB article through', () => {
    const { articles, errors } = build({
      'content/long.md': `---\ntitle: تقرير طويل\ndate: 2024-01-01\n---\n${longArticle()}`,
    });
    expect(errors).toEqual([]);
    expect(articles[0]?.readingTimeMinutes).toBeGreaterThan(20);
  });
});

describe('any failure while building one file', () => {
  it('becomes an error naming that file, and the check goes on', () => {
    const measure = (src: string) => {
      if (src === '/images/boom.png') throw new RangeError('Maximum call stack size exceeded');
      return measureTestImage(src);
    };
    const result = buildContent(
      [
        { path: 'content/a.md', text: '---\ntitle: أ\ndate: 2024-01-01\n---\n![x](/images/boom.png)\n' },
        { path: 'content/b.md', text: OK },
      ],
      measure,
    );
    expect(result.errors.map(String)).toEqual([
      'content/a.md: file: could not be processed (RangeError: Maximum call stack size exceeded)',
    ]);
    expect(result.articles.map((a) => a.slug)).toEqual(['b']);
  });
});

describe('YAML front matter', () => {
  it('allows ordinary aliases', () => {
    const { articles, errors } = build({
      'content/a.md': '---\ntitle: &t عنوان\nsummary: *t\ndate: 2024-01-01\n---\nنص\n',
    });
    expect(errors).toEqual([]);
    expect(articles[0]?.summary).toBe('عنوان');
  });

  it('reports a tag list repeating one alias 300 times as duplicate tags, not a crash', () => {
    const aliases = Array.from({ length: 300 }, () => '*s').join(', ');
    const { errors } = build({ 'content/a.md': `---\ntitle: &s خبر\ndate: 2024-01-01\ntags: [${aliases}]\n---\nنص\n` });
    expect(errors).toHaveLength(299);
    expect(errors[0]).toBe('content/a.md: tags[1]: duplicate tag "خبر"');
  });

  it('reports a list that holds itself through an alias as a wrong tag, not a crash', () => {
    const { errors } = build({ 'content/a.md': '---\ntitle: خبر\ndate: 2024-01-01\ntags: &x [وسم, *x]\n---\nنص\n' });
    expect(errors).toEqual(['content/a.md: tags[1]: expected a non-empty text, got a list']);
  });

  it('names an alias used before its anchor, instead of calling it an alias bomb', () => {
    const { errors } = build({ 'content/a.md': '---\ntitle: *t\ndate: 2024-01-01\n---\nنص\n' });
    expect(errors).toEqual([
      'content/a.md: front matter: invalid YAML: Unresolved alias (the anchor must be set before the alias): t',
    ]);
  });

  it('refuses an alias bomb (billion laughs) with a clear message', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const text = `---\ntitle: خبر\ndate: 2024-01-01\n${levels.join('\n')}\n---\nنص\n`;
    expect(build({ 'content/lol.md': text, 'content/ok.md': OK }).errors).toEqual([
      'content/lol.md: front matter: YAML aliases (*name) expand to more than 1000 values; expected plain values (alias bombs are refused)',
    ]);
  });

  it('refuses custom tags such as !!js/function, naming the tag and line', () => {
    const errors = build({
      'content/a.md': '---\ntitle: خبر\ndate: 2024-01-01\nsummary: !!js/function "function () { return 1 }"\n---\nنص\n',
      'content/b.md': '---\ntitle: !custom خبر\ndate: 2024-01-01\n---\nنص\n',
    }).errors;
    expect(errors).toEqual([
      'content/a.md: front matter: YAML tag "!!js/function" is not allowed (front matter line 3); expected plain texts, numbers, true/false, lists and mappings',
      'content/b.md: front matter: YAML tag "!custom" is not allowed (front matter line 1); expected plain texts, numbers, true/false, lists and mappings',
    ]);
  });

  it('accepts the plain core tags (!!str keeps a number as text)', () => {
    const { articles, errors } = build({ 'content/a.md': '---\ntitle: !!str 2024\ndate: 2024-01-01\n---\nنص\n' });
    expect(errors).toEqual([]);
    expect(articles[0]?.title).toBe('2024');
  });

  it('refuses deeply nested flow collections without a stack trace', () => {
    const text = `---\ntitle: خبر\ndate: 2024-01-01\ntags: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\nنص\n`;
    const errors = build({ 'content/a.md': text }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/a\.md: (front matter: invalid YAML|tags)/);
  });
});

describe('text that reached the build without the file reader', () => {
  it('names CR-only line endings and UTF-16 instead of asking for front matter', () => {
    const utf16 = Array.from(OK, (c) => `${c}\u0000`).join('');
    expect(build({ 'content/a.md': OK.replace(/\n/g, '\r'), 'content/b.md': utf16 }).errors).toEqual([
      'content/a.md: front matter: the file uses CR-only line endings; expected LF or CRLF line endings',
      'content/b.md: front matter: the file looks like UTF-16 (it has zero bytes); expected UTF-8',
    ]);
  });
});

describe('bidi controls', () => {
  it('are removed from every text field and from the body', () => {
    const c = (s: string) => `\u202e${s}\u202c\u2066\u2069`;
    const text = `---
title: ${c('عنوان')}
summary: ${c('ملخص')}
author: ${c('كاتب')}
source: ${c('مصدر')}
date: 2024-01-01
tags: [${c('وسم')}, ${c('آخر')}]
image:
  src: /images/test-photo.jpg
  alt: ${c('وصف')}
  caption: ${c('تعليق')}
---
نص ${c('مقلوب')} و[رابط ${c('x')}](https://example.com) و![${c('بديل')}](/images/test-photo.jpg)
`;
    const { articles, errors } = build({ 'content/a.md': text });
    expect(errors).toEqual([]);
    const a = articles[0];
    expect(a).toMatchObject({
      title: 'عنوان',
      summary: 'ملخص',
      author: 'كاتب',
      source: 'مصدر',
      tags: ['وسم', 'آخر'],
      image: { alt: 'وصف', caption: 'تعليق' },
    });
    expect(JSON.stringify(a)).not.toMatch(BIDI);
    expect(renderMarkdown(a?.body ?? '')).not.toMatch(BIDI);
  });

  it('a title of nothing but controls is an empty title', () => {
    expect(build({ 'content/a.md': '---\ntitle: "\u202e\u202c"\ndate: 2024-01-01\n---\nنص\n' }).errors).toEqual([
      'content/a.md: title: required, expected a non-empty text',
    ]);
  });
});

describe('slugs', () => {
  it('refuse a word mixing Latin and Cyrillic next to the real one', () => {
    const { articles, errors } = build({
      'content/a.md': '---\ntitle: أ\nslug: paypal\ndate: 2024-01-01\n---\nنص\n',
      'content/b.md': '---\ntitle: ب\nslug: p\u0430yp\u0430l\ndate: 2024-01-01\n---\nنص\n',
    });
    expect(articles.map((a) => a.slug)).toEqual(['paypal']);
    expect(errors).toEqual([
      'content/b.md: slug: expected each word in one script, Arabic or Latin (a–z, accented letters, digits), got the word "p\u0430yp\u0430l" (mixed scripts or letters that imitate others), got "p\u0430yp\u0430l"',
    ]);
  });

  it('refuse confusable letters and other scripts, from front matter or the file name', () => {
    const bad = ['рау', 'ıstanbul', 'ﻗﻤﺔ', 'قمـة', 'pay١', 'مرحباhello'];
    for (const slug of bad) {
      expect(build({ 'content/a.md': `---\ntitle: أ\nslug: ${slug}\ndate: 2024-01-01\n---\nنص\n` }).errors[0]).toMatch(
        /^content\/a\.md: slug: expected each word in one script/,
      );
    }
    expect(build({ 'content/p\u0430yp\u0430l.md': OK }).errors[0]).toMatch(
      /^content\/p\u0430yp\u0430l\.md: slug: no slug given and the file name "p\u0430yp\u0430l" is not a valid slug: expected each word in one script/,
    );
  });

  it('accept Arabic words, Latin words with digits and accents, one script per word', () => {
    const good = ['قمة-كيم-بوتين', 'كوفيد19', 'كوفيد١٩', 'liban-économie-2024', 'مرحبا-hello', '2023-09-14-kim'];
    for (const slug of good) {
      expect(build({ 'content/a.md': `---\ntitle: أ\nslug: ${slug}\ndate: 2024-01-01\n---\nنص\n` }).errors).toEqual([]);
    }
  });
});

describe('control characters', () => {
  const withBody = (body: string) => `---\ntitle: خبر\ndate: 2024-01-01\n---\n${body}`;

  it('in the body are the file error, naming the line and the character', () => {
    const { articles, errors } = build({
      'content/nul.md': withBody('فقرة أولى.\n\nفقرة\u0000 ثانية.\n'),
      'content/escape.md': withBody('نص فيه \u001b[31m لون طرفية.\n'),
      'content/c1.md': withBody('سطر\r\nنص منسوخ\u0085 من برنامج آخر.\n'),
      'content/ok.md': withBody('سطر\tفيه جدولة\r\nونهاية سطر ويندوز.\n'),
    });
    expect(articles.map((a) => a.slug)).toEqual(['ok']);
    const message = (name: string) =>
      `contains the control character ${name}, which pages and feeds cannot show (often a paste from another program); remove it`;
    expect(errors).toEqual([
      `content/c1.md: body: line 2: ${message('U+0085')}`,
      `content/escape.md: body: line 1: ${message('U+001B')}`,
      `content/nul.md: body: line 3: ${message('U+0000')}`,
    ]);
  });

  it('in front matter name the field, tags and image fields included', () => {
    const { errors } = build({
      'content/a.md':
        '---\ntitle: "عنوان\\0"\ndate: 2024-01-01\ntags: [خبر, "وسم\\x07"]\nimage:\n  src: https://images.example/a.jpg\n  alt: "وصف\\x7f"\n---\nنص\n',
    });
    expect(errors.map((e) => e.split(': ').slice(0, 2).join(': '))).toEqual([
      'content/a.md: title',
      'content/a.md: tags[1]',
      'content/a.md: image.alt',
    ]);
    expect(errors[0]).toContain('contains the control character U+0000');
    expect(errors[1]).toContain('U+0007');
    expect(errors[2]).toContain('U+007F');
  });
});

describe('tags', () => {
  const withTags = (tags: string[]) =>
    `---\ntitle: خبر\ndate: 2024-01-01\ntags: [${tags.map((t) => JSON.stringify(t)).join(', ')}]\n---\nنص\n`;

  it('longer than their pages and API filter accept (100 characters) are refused', () => {
    const longest = 'و'.repeat(100);
    expect(build({ 'content/a.md': withTags([longest]) }).errors).toEqual([]);
    expect(build({ 'content/a.md': withTags([`${longest}ب`]) }).errors).toEqual([
      `content/a.md: tags[0]: expected at most 100 characters (101 given), got "${longest}ب"`,
    ]);
  });

  it('holding half a character (a lone surrogate from a YAML escape) is refused: no URL can name it', () => {
    const { errors } = build({ 'content/a.md': '---\ntitle: خبر\ndate: 2024-01-01\ntags: ["وسم\\uD800"]\n---\nنص\n' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^content\/a\.md: tags\[0\]: expected whole characters, not a lone surrogate/);
  });

  it('"." and ".." are refused: browsers would turn /tags/. and /tags/.. into /tags/ and /', () => {
    expect(build({ 'content/a.md': withTags(['.', '..', '...']) }).errors).toEqual([
      'content/a.md: tags[0]: expected a tag a page can be named after, not "." or "..", got "."',
      'content/a.md: tags[1]: expected a tag a page can be named after, not "." or "..", got ".."',
    ]);
  });
});
