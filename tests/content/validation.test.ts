import { describe, expect, it } from 'vitest';
import { build } from '../helpers/articles.ts';

const VALID = `---
title: عنوان صالح
date: 2024-03-10T09:30:00
---

فقرة أولى.
`;

/** Builds one file and returns its error lines. */
function errorsOf(text: string, path = 'content/test.md'): string[] {
  return build({ [path]: text }).errors;
}

describe('content validation', () => {
  it('accepts a minimal valid article and fills defaults', () => {
    const { articles, errors } = build({ 'content/minimal.md': VALID });
    expect(errors).toEqual([]);
    const [a] = articles;
    expect(a?.slug).toBe('minimal');
    expect(a?.author).toBe('تحرير جريدة الأيام الإلكترونية');
    expect(a?.summary).toBe('فقرة أولى.');
    // No zone means Beirut time (UTC+2 in March before DST).
    expect(a?.publishedAt).toBe('2024-03-10T09:30:00+02:00');
  });

  it('reports a missing title with file and field', () => {
    expect(errorsOf('---\ndate: 2024-03-10\n---\nنص')).toEqual([
      'content/test.md: title: required, expected a non-empty text',
    ]);
  });

  it('reports a bad date', () => {
    expect(errorsOf('---\ntitle: ع\ndate: 2024-02-30T10:00:00\n---\nنص')).toEqual([
      'content/test.md: date: expected an ISO 8601 date such as 2023-09-14T12:00:00, got "2024-02-30T10:00:00"',
    ]);
    expect(errorsOf('---\ntitle: ع\ndate: yesterday\n---\nنص')[0]).toContain('date: expected an ISO 8601 date');
    expect(errorsOf('---\ntitle: ع\n---\nنص')).toEqual([
      'content/test.md: date: required, expected an ISO 8601 date such as 2023-09-14T12:00:00',
    ]);
  });

  it('reports an unknown field and suggests the near miss', () => {
    const errors = errorsOf('---\ntitel: ع\ndate: 2024-03-10\n---\nنص');
    expect(errors).toContain(
      'content/test.md: titel: unknown field (did you mean "title"?); allowed fields: title, date, slug, updated, summary, author, source, image, tags, top, breaking, authors, live, live_end, corrections, draft',
    );
    expect(errors).toContain('content/test.md: title: required, expected a non-empty text');
  });

  it('reports invalid YAML with its position', () => {
    const [error] = errorsOf('---\ntitle: "غير مغلق\ndate: 2024-03-10\n---\nنص');
    expect(error).toMatch(/^content\/test\.md: front matter: invalid YAML \(front matter line \d+, column \d+\): /);
  });

  it('reports a file without front matter', () => {
    expect(errorsOf('# عنوان فقط\n\nنص')).toEqual([
      'content/test.md: front matter: expected the file to start with YAML front matter between two "---" lines',
    ]);
  });

  it('reports two articles with the same slug, naming both files', () => {
    const { errors, articles } = build({
      'content/a.md': VALID.replace('---\ntitle', '---\nslug: خبر\ntitle'),
      'content/b.md': VALID.replace('---\ntitle', '---\nslug: خبر\ntitle'),
    });
    expect(errors).toEqual([
      'content/b.md: slug: "خبر" is already used by content/a.md; expected every article to have its own slug',
    ]);
    expect(articles.map((a) => a.file)).toEqual(['content/a.md']);
  });

  it('reports a lead image file that does not exist', () => {
    const text = VALID.replace('---\n\n', 'image:\n  src: /images/missing.png\n  alt: وصف\n---\n\n');
    expect(errorsOf(text)).toEqual([
      'content/test.md: image.src: "/images/missing.png": file not found: expected public/images/missing.png to exist',
    ]);
  });

  it('reports a body image file that does not exist', () => {
    expect(errorsOf(`${VALID}\n![صورة](/images/nope.png)\n`)).toEqual([
      'content/test.md: body: image "/images/nope.png": file not found: expected public/images/nope.png to exist',
    ]);
  });

  it('rejects plain http body images, which browsers block on an https page', () => {
    expect(errorsOf(`${VALID}\n![صورة](http://cdn.example/p.jpg)\n`)).toEqual([
      'content/test.md: body: image "http://cdn.example/p.jpg": expected an https URL',
    ]);
  });

  it('requires alt text for an image and rejects unsafe image sources', () => {
    const noAlt = VALID.replace('---\n\n', 'image:\n  src: /images/kim-putin-summit.svg\n---\n\n');
    expect(errorsOf(noAlt)).toEqual([
      'content/test.md: image.alt: required when there is an image: expected a non-empty description of the image',
    ]);
    const scriptSrc = VALID.replace('---\n\n', 'image:\n  src: "javascript:alert(1)"\n  alt: x\n---\n\n');
    expect(errorsOf(scriptSrc)).toEqual([
      'content/test.md: image.src: expected a path under public/ or an https URL, got "javascript:alert(1)"',
    ]);
    const traversal = VALID.replace('---\n\n', 'image:\n  src: ../secrets.png\n  alt: x\n---\n\n');
    expect(errorsOf(traversal)[0]).toContain('image.src: expected a plain path under public/');
  });

  it('measures local lead images and keeps remote ones unsized', () => {
    const local = build({
      'content/l.md': VALID.replace(
        '---\n\n',
        'image:\n  src: images/kim-putin-summit.svg\n  alt: وصف\n  caption: تعليق\n---\n\n',
      ),
    }).articles[0];
    expect(local?.image).toEqual({
      src: '/images/kim-putin-summit.svg',
      alt: 'وصف',
      caption: 'تعليق',
      width: 1200,
      height: 675,
    });
    const remote = build({
      'content/r.md': VALID.replace('---\n\n', 'image:\n  src: https://cdn.example/p.jpg\n  alt: وصف\n---\n\n'),
    }).articles[0];
    expect(remote?.image).toMatchObject({ src: 'https://cdn.example/p.jpg', width: null, height: null });
  });

  it('rejects an update before publication and wrong types', () => {
    const errors = errorsOf(
      '---\ntitle: ع\ndate: 2024-03-10T10:00:00Z\nupdated: 2024-03-09T10:00:00Z\ntop: "yes"\ntags: خبر\n---\nنص',
    );
    expect(errors).toEqual([
      'content/test.md: updated: expected a time not before `date`',
      'content/test.md: tags: expected a list of texts, got "خبر"',
      'content/test.md: top: expected true or false, got "yes"',
    ]);
  });

  it('validates slugs and normalizes them to NFC', () => {
    expect(errorsOf(VALID.replace('---\ntitle', '---\nslug: "a--b"\ntitle'))[0]).toContain(
      'slug: expected Unicode letters and digits separated by single hyphens',
    );
    expect(errorsOf(VALID, 'content/Bad Name.md')[0]).toContain(
      'slug: no slug given and the file name "Bad Name" is not a valid slug',
    );
    // "é" written as e + combining accent becomes the single code point.
    const { articles } = build({ 'content/x.md': VALID.replace('---\ntitle', '---\nslug: "cafe\u0301-قهوة"\ntitle') });
    expect(articles[0]?.slug).toBe('caf\u00e9-قهوة');
  });

  it('holds drafts back without errors', () => {
    const { articles, errors } = build({
      'content/draft.md': VALID.replace('---\ntitle', '---\ndraft: true\ntitle'),
      'content/live.md': VALID,
    });
    expect(errors).toEqual([]);
    expect(articles.map((a) => a.slug)).toEqual(['live']);
  });

  it('reports every problem of every file, not just the first', () => {
    const { errors } = build({
      'content/one.md': '---\ndate: nope\n---\n',
      'content/two.md': '---\ntitle: ع\ndate: 2024-01-01\nsummry: x\n---\n',
    });
    expect(errors).toEqual([
      'content/one.md: title: required, expected a non-empty text',
      'content/one.md: date: expected an ISO 8601 date such as 2023-09-14T12:00:00, got "nope"',
      'content/two.md: summry: unknown field (did you mean "summary"?); allowed fields: title, date, slug, updated, summary, author, source, image, tags, top, breaking, authors, live, live_end, corrections, draft',
    ]);
  });
});
