import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { articlePath } from '../../src/paths.ts';
import { testApp } from '../helpers/app.ts';
import { FEATURES, XSS, XSS_VECTORS } from '../helpers/fixtures.ts';
import { scriptHazards } from '../helpers/html.ts';

describe('XSS vectors in an article', () => {
  const site = testApp({ bindings: env, articles: [XSS, FEATURES] });

  it('the article page holds no executable script, event handler or script URL', async () => {
    const res = await site.request(articlePath(XSS.slug));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await scriptHazards(html)).toEqual([]);
    // The title stays text: escaped inside <title>, not closing it.
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; | جريدة الأيام الإلكترونية</title>',
    );
    // The only script element is the JSON-LD data block, and the title inside it cannot close it.
    expect(html.match(/<script/gi)).toEqual(['<script']);
    expect(html.match(/<\/script/gi)).toEqual(['</script']);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? 'null');
    expect(ld.headline).toBe('</title><script>alert(1)</script>');
    // Each vector is still there for the reader, as text.
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="[^"]*(javascript|vbscript|data):/i);
  });

  it('drops every dangerous link target but keeps the link text', async () => {
    const html = await (await site.request(articlePath(XSS.slug))).text();
    for (const label of ['>a<', '>b<', '>c<', '>d<', '>e<', '>f<', '>g<', '>h<', '>i<', '>k<']) {
      // Rendered as plain text, not as an <a>.
      expect(html, label).not.toMatch(new RegExp(`<a [^>]*${label}`));
    }
    expect(XSS_VECTORS.length).toBeGreaterThan(20);
  });

  it('the front page and top-news list escape titles and summaries', async () => {
    const html = await (await site.request('/')).text();
    expect(await scriptHazards(html)).toEqual([]);
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
