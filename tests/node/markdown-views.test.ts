/**
 * The article page, its AMP page and the JSON API's `html` share the markdown renderer: a link's percent-encoded URL
 * and an image's plain-text alt come out of all three the same, each view only making relative URLs fit its place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ampPath, apiArticlePath, articlePath } from '../../src/paths.ts';
import { article } from '../helpers/articles.ts';
import { nodeApp } from './support/bindings.ts';

const SITE = 'https://al-ayyam.example';
const BODY = [
  // A backslash and Arabic letters in the URL, a character reference in the title.
  '[المرجع](https://example.com/a\\b/ملف "تقرير &ouml;ffentlich &amp; كامل")',
  '[القسم](/sections/عربي)',
  // Emphasis, a link and a code span inside alt text: only their words remain.
  '![صورة *القمة* في [موسكو](/x) و`كود`](https://images.example/summit.jpg)',
].join('\n\n');
const A = article('content/views.md', `---\ntitle: روابط وصور\nslug: views\ndate: 2024-01-01\n---\n\n${BODY}\n`);

const encoded = (text: string) => encodeURIComponent(text);
const EXTERNAL_HREF = `href="https://example.com/a%5Cb/${encoded('ملف')}"`;
const TITLE = 'title="تقرير öffentlich &amp; كامل"';
const ALT = 'alt="صورة القمة في موسكو وكود"';

let views: { html: string; amp: string; json: string };

beforeAll(async () => {
  const site = await nodeApp([A]);
  const text = async (path: string) => {
    const res = await site.request(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const api = JSON.parse(await text(apiArticlePath(A.slug))) as { html: string };
  views = { html: await text(articlePath(A.slug)), amp: await text(ampPath(A.slug)), json: api.html };
}, 60_000);

describe.each(['html', 'amp', 'json'] as const)('the %s view of an article', (view) => {
  it('links to the percent-encoded URL, its title decoded once', () => {
    expect(views[view]).toContain(`${EXTERNAL_HREF} ${TITLE} rel="noopener noreferrer">المرجع</a>`);
  });

  it('gives the image its alt text as plain words', () => {
    expect(views[view]).toContain(ALT);
    expect(views[view]).not.toMatch(/alt="[^"]*[*`[]/);
  });

  it('percent-encodes an on-site path, made absolute only in JSON', () => {
    const path = `/sections/${encoded('عربي')}`;
    expect(views[view]).toContain(`href="${view === 'json' ? SITE : ''}${path}">القسم</a>`);
  });
});
