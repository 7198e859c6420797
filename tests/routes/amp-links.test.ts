import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { ampPath, articlePath } from '../../src/paths.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';
import { elementsOf } from '../helpers/html.ts';

const SITE = 'https://al-ayyam.example';
const LINKS = article(
  'content/links.md',
  `---\ntitle: روابط\nslug: links\ndate: 2024-01-01\n---\n\n## الخلفية\n\n[خبر آخر](other-article) و[سابق](../articles/older?ref=1#top) و[وسم](/tags/لبنان) و[فوق](#الخلفية) و[خارجي](https://example.com/x) و[بريد](mailto:desk@example.com).\n`,
);
const site = testApp({ bindings: env, articles: [LINKS], env: { SITE_URL: SITE } });

/** Where each link of the article's body leads, read from a page at `path` as a browser resolves it. */
async function bodyLinkTargets(path: string): Promise<string[]> {
  const html = await (await site.request(path)).text();
  const body = html.slice(html.indexOf('<h2 id="الخلفية"'));
  return (await elementsOf(body))
    .filter((e) => e.tag === 'a')
    .map((e) => e.attributes.find(([name]) => name === 'href')?.[1] ?? '')
    .slice(0, 6)
    .map((href) => new URL(href, `${SITE}${path}`).href);
}

it('body links lead where they lead on the article page, from the AMP page one level deeper too', async () => {
  const page = await bodyLinkTargets(articlePath(LINKS.slug));
  expect(page).toEqual([
    `${SITE}/articles/other-article`,
    `${SITE}/articles/older?ref=1#top`,
    `${SITE}/tags/${encodeURIComponent('لبنان')}`,
    `${SITE}/articles/links#${encodeURIComponent('الخلفية')}`,
    'https://example.com/x',
    'mailto:desk@example.com',
  ]);
  const amp = await bodyLinkTargets(ampPath(LINKS.slug));
  // The fragment jumps within the page it is on; every other link goes to the same place.
  expect(amp).toEqual(page.map((url) => url.replace('/articles/links#', '/articles/links/amp#')));
});
