import { env } from 'cloudflare:test';
import { expect, it } from 'vitest';
import { MAX_TAG_LENGTH } from '../../src/content/fields.ts';
import { tagFeedPath, tagPath } from '../../src/paths.ts';
import { testApp } from '../helpers/app.ts';
import { article } from '../helpers/articles.ts';

// The longest tag the content check lets through: every URL the site makes for it must answer.
const TAG = 'و'.repeat(MAX_TAG_LENGTH);
const TAGGED = article('content/a.md', `---\ntitle: خبر\ndate: 2024-01-01\ntags: ["${TAG}"]\n---\nنص\n`);
const site = testApp({ bindings: env, articles: [TAGGED] });

it('the longest tag an article may carry has its page, its feed and its API filter', async () => {
  const page = await site.request(tagPath(TAG));
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`/articles/${TAGGED.slug}`);
  expect((await site.request(tagFeedPath(TAG))).status).toBe(200);
  // The API filter takes it as pages do: surrounding spaces trimmed, any normalization form.
  for (const tag of [TAG, ` ${TAG} `, TAG.normalize('NFD')]) {
    const api = await site.request(`/api/articles?tag=${encodeURIComponent(tag)}`);
    expect(api.status).toBe(200);
    expect(((await api.json()) as { items: unknown[] }).items).toHaveLength(1);
  }
});
