/** The newsroom's formats in the content check: writers, live coverage and corrections, every problem named. */
import { describe, expect, inject, it } from 'vitest';
import { buildAuthor } from '../../src/content/authors.ts';
import { buildContent } from '../../src/content/build.ts';
import type { ArticleAuthor } from '../../src/content/types.ts';
import corrected from '../fixtures/corrected.md?raw';
import live from '../fixtures/live.md?raw';
import { measureTestImage } from '../helpers/articles.ts';

const RANA: ArticleAuthor = { slug: 'rana-haddad', name: 'رنا حداد', role: 'مراسلة في بيروت' };
const AUTHORS = new Map([[RANA.slug, RANA]]);
const NOW = Date.parse('2026-03-12T00:00:00Z');

const build = (files: Record<string, string>, now = NOW) => {
  const result = buildContent(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    measureTestImage,
    { authors: AUTHORS, now },
  );
  return { articles: result.articles, errors: result.errors.map(String) };
};
const md = (front: string, body = 'نص.') => `---\ntitle: خبر\ndate: 2026-03-10T10:00:00\n${front}---\n\n${body}\n`;

describe('writers', () => {
  it('ships the example writer, clearly marked as one', () => {
    const [author] = inject('contentAuthors');
    expect(author).toMatchObject({ slug: 'rana-haddad', name: 'رنا حداد', role: 'مراسلة في بيروت' });
    expect(author?.bio).toMatch(/^\*\*مثال:\*\*/);
  });

  it("names an article's writers by slug, and refuses an unknown one with the near miss", () => {
    const { articles } = build({ 'content/a.md': md('authors: [rana-haddad]\n') });
    expect(articles[0]?.authors).toEqual([RANA]);
    expect(build({ 'content/x.md': md('authors: [rana-hadad]\n') }).errors).toEqual([
      'content/x.md: authors[0]: no author "rana-hadad" in content/authors/ (did you mean "rana-haddad"?)',
    ]);
    expect(build({ 'content/x.md': md('authors: rana-haddad\n') }).errors).toEqual([
      'content/x.md: authors: expected a list of author slugs, got "rana-haddad"',
    ]);
  });

  const author = (text: string) => {
    const built = buildAuthor({ path: 'content/authors/rana-haddad.md', text }, measureTestImage);
    return Array.isArray(built) ? built.map(String) : built;
  };

  it("reads a writer's file: name, role, photo, links, and the body as the bio", () => {
    expect(
      author(
        '---\nname: رنا حداد\nrole: مراسلة\nphoto: /images/test-photo.jpg\nlinks: [https://x.com/rana, "https://www.facebook.com/rana"]\n---\n\nتكتب عن **بيروت**.\n',
      ),
    ).toEqual({
      slug: 'rana-haddad',
      file: 'content/authors/rana-haddad.md',
      name: 'رنا حداد',
      role: 'مراسلة',
      photo: { src: '/images/test-photo.jpg', width: 800, height: 600 },
      links: ['https://x.com/rana', 'https://www.facebook.com/rana'],
      bio: 'تكتب عن **بيروت**.',
    });
  });

  it("names every problem of a writer's file: unknown field, missing name, missing photo, links that are not https", () => {
    expect(
      author(
        '---\nnmae: رنا\nphoto: /images/missing.jpg\nlinks: ["javascript:alert(1)", "http://x.com/r", "https://user:pw@x.com/"]\n---\n\nنص.\n',
      ),
    ).toEqual([
      'content/authors/rana-haddad.md: nmae: unknown field (did you mean "name"?); allowed fields: name, role, photo, links',
      'content/authors/rana-haddad.md: name: required, expected a non-empty text',
      'content/authors/rana-haddad.md: photo: "/images/missing.jpg": file not found: expected public/images/missing.jpg to exist',
      'content/authors/rana-haddad.md: links[0]: expected an https URL, got "javascript:alert(1)"',
      'content/authors/rana-haddad.md: links[1]: expected an https URL, got "http://x.com/r"',
      'content/authors/rana-haddad.md: links[2]: expected an https URL without a user name or password, got "https://user:pw@x.com/"',
    ]);
    expect((author('---\nname: "رنا\\u0000"\n---\n\nنص.\n') as string[])[0]).toMatch(
      /^content\/authors\/rana-haddad\.md: name: /,
    );
  });
});

describe('live coverage', () => {
  it('finds the updates of the live fixture: times in Beirut, stable anchors, a day crossed, code blocks ignored', () => {
    const { articles, errors } = build({ 'content/live.md': live });
    expect(errors).toEqual([]);
    const [article] = articles;
    expect(article?.liveUpdates.map((u) => [u.id, u.time, u.title])).toEqual([
      ['update-1005', '2026-03-10T10:05:00+02:00', 'النواب يصلون إلى ساحة النجمة'],
      ['update-1130', '2026-03-10T11:30:00+02:00', 'اكتمال النصاب'],
      ['update-1215', '2026-03-10T12:15:00+02:00', 'الدورة الأولى: لا فائز'],
      ['update-20260311-0930', '2026-03-11T09:30:00+02:00', 'استئناف الجلسة في اليوم التالي'],
    ]);
    expect(article?.live).toEqual({
      start: '2026-03-10T10:00:00+02:00',
      end: null,
      lastUpdate: '2026-03-11T09:30:00+02:00',
    });
    // The last update is when the article was last modified.
    expect(article?.updatedAt).toBe('2026-03-11T09:30:00+02:00');
  });

  it('names the line (of the body, as every body problem does) of each update out of order, without a time, or not yet', () => {
    const body = [
      'مقدمة.',
      '',
      '## 14:05 أول',
      '',
      'نص.',
      '',
      '## 13:50 قبل الأول',
      '',
      '## بلا وقت',
      '',
      '## 15:00 ',
      '',
      '## 23:59 لاحقاً',
    ].join('\n');
    expect(build({ 'content/x.md': md('live: true\n', body) }, Date.parse('2026-03-10T14:00:00Z')).errors).toEqual([
      'content/x.md: body: line 8: update time 13:50 is before the update above it (14:05), or the same; times go forward',
      'content/x.md: body: line 10: a live update\'s heading starts with its time, e.g. "## 14:05 العنوان", or "## 2026-12-03 09:30 العنوان" for another day',
      'content/x.md: body: line 12: the update at 15:00 has no title after its time, e.g. "## 14:05 العنوان", or "## 2026-12-03 09:30 العنوان" for another day',
      'content/x.md: body: line 14: update time 23:59 is later than now: publish an update once it has happened',
    ]);
    expect(build({ 'content/x.md': md('live: true\n', '## 09:00 قبل بدء التغطية') }).errors).toEqual([
      "content/x.md: body: line 2: update time 09:00 is before the article's date (2026-03-10 10:00)",
    ]);
  });

  it('refuses a 2,000-update live article with a clear message, before rendering it', () => {
    const updates = Array.from({ length: 2_000 }, (_, i) => {
      const minutes = 10 * 60 + 1 + i;
      const day = 10 + Math.floor(minutes / 1440);
      const rest = minutes % 1440;
      const time = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
      return `## 2026-03-${day} ${time} تحديث ${i + 1}\n\nنص.`;
    });
    expect(build({ 'content/x.md': md('live: true\n', updates.join('\n\n')) }).errors).toEqual([
      'content/x.md: body: line 2002: 2000 updates; one live article holds at most 500: continue the coverage in a new live article',
    ]);
  });

  it('ends the coverage at live_end, which needs live and comes after the date', () => {
    const { articles } = build({ 'content/a.md': md('live: true\nlive_end: 2026-03-10T20:00:00\n') });
    expect(articles[0]?.live?.end).toBe('2026-03-10T20:00:00+02:00');
    expect(build({ 'content/x.md': md('live_end: 2026-03-10T20:00:00\n') }).errors).toEqual([
      'content/x.md: live_end: only for a live article: add `live: true`, or remove live_end',
    ]);
    expect(build({ 'content/x.md': md('live: true\nlive_end: 2026-03-09T20:00:00\n') }).errors).toEqual([
      'content/x.md: live_end: expected a time not before `date`',
    ]);
  });
});

describe('corrections', () => {
  it("keeps them oldest first, and dates the article's last change by the latest", () => {
    const { articles, errors } = build({ 'content/c.md': corrected });
    expect(errors).toEqual([]);
    expect(articles[0]?.corrections).toEqual([
      {
        date: '2026-02-01T15:30:00+02:00',
        text: 'صُحّح اسم الوزير في الفقرة الثانية ([البيان](https://example.com/statement)).',
      },
      { date: '2026-02-02T08:00:00+02:00', text: 'ذكرت نسخة سابقة أن العجز **5%** والصحيح 3.5%.' },
    ]);
    expect(articles[0]?.publishedAt).toBe('2026-02-01T09:00:00+02:00');
    expect(articles[0]?.updatedAt).toBe('2026-02-02T08:00:00+02:00');
  });

  it('refuses a correction dated before the article, without text, or of several paragraphs', () => {
    expect(
      build({
        'content/x.md': md(
          'corrections:\n  - date: 2026-03-09T10:00:00\n    text: تصحيح\n  - date: 2026-03-11T10:00:00\n  - date: 2026-03-11T11:00:00\n    text: "سطر\\n\\nوفقرة"\n  - text: بلا تاريخ\n    note: x\n',
        ),
      }).errors,
    ).toEqual([
      "content/x.md: corrections[0].date: expected a time not before the article's `date`",
      'content/x.md: corrections[1].text: required, expected what was corrected, got nothing',
      'content/x.md: corrections[2].text: expected one paragraph (inline markdown), got several lines',
      'content/x.md: corrections[3].note: unknown field (did you mean "date"?); allowed: date, text',
      'content/x.md: corrections[3].date: expected an ISO 8601 date such as 2023-09-14T12:00:00, got nothing',
    ]);
  });
});
