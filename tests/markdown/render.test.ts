import { describe, expect, it } from 'vitest';
import { headingId } from '../../src/markdown/heading-ids.ts';
import { tokensToText } from '../../src/markdown/plain-text.ts';
import { lexBody, renderMarkdown } from '../../src/markdown/render.ts';
import { safeUrl } from '../../src/markdown/urls.ts';
import { elementsOf, scriptHazards } from '../helpers/html.ts';

describe('markdown rendering', () => {
  it('renders GFM tables with header cells and alignment classes, scrollable in RTL', () => {
    const html = renderMarkdown('| المدينة | الحرارة |\n| :--- | ---: |\n| بيروت | 28.5 |\n');
    expect(html).toContain('<div class="table-wrap"><table>');
    expect(html).toContain('<th scope="col" class="al-l">المدينة</th>');
    expect(html).toContain('<td class="al-r">28.5</td>');
  });

  it('renders code blocks left-to-right with escaped content and a safe language class', () => {
    const html = renderMarkdown('```js"><script>\nif (a < b) alert("x")\n```\n');
    expect(html).toContain('<pre dir="ltr"><code class="language-js">if (a &lt; b) alert(&quot;x&quot;)</code></pre>');
  });

  it('renders block quotes, ordered and unordered lists, and task lists without form controls', () => {
    const html = renderMarkdown('> قول مأثور\n\n1. أول\n2. ثاني\n\n- بند\n- [x] منجز\n- [ ] باقٍ\n');
    expect(html).toContain('<blockquote>\n<p>قول مأثور</p>\n</blockquote>');
    expect(html).toContain('<ol>\n<li>أول</li>\n<li>ثاني</li>\n</ol>');
    expect(html).toContain('☑');
    expect(html).toContain('☐');
    expect(html).not.toContain('<input');
  });

  it('gives headings stable, unique ids that work for Arabic text', async () => {
    const html = renderMarkdown('# عنوان رئيسي\n\n## الخلفيّة السياسية\n\n## الخلفيّة السياسية\n\n### Q&A: 2024!\n');
    const ids = (await elementsOf(html)).flatMap((e) => e.attributes.filter(([n]) => n === 'id').map(([, v]) => v));
    expect(ids).toEqual(['عنوان-رئيسي', 'الخلفية-السياسية', 'الخلفية-السياسية-2', 'q-a-2024']);
    // The page headline is the only h1: body headings start at h2.
    expect(html).toMatch(/^<h2 id="عنوان-رئيسي">/);
    expect(headingId('  ')).toBe('section');
  });

  it('keeps heading ids clear of the layout and of ids AMP forbids', async () => {
    const html = renderMarkdown(
      '## main\n\n## top-news-title\n\n## AMP\n\n## appendChild\n\n## i amphtml x\n\n## -lead-\n',
    );
    const ids = (await elementsOf(html)).flatMap((e) => e.attributes.filter(([n]) => n === 'id').map(([, v]) => v));
    expect(ids).toEqual(['main-2', 'top-news-title-2', 'amp-2', 'appendchild-2', 'h-i-amphtml-x', 'lead']);
  });

  it('shows raw HTML as text instead of passing it through', async () => {
    const html = renderMarkdown('<div onclick="x()">مرحبا</div>\n\nنص <b>عريض</b> و<img src=x onerror=alert(1)>\n');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;مرحبا&lt;/div&gt;');
    expect(html).toContain('&lt;b&gt;عريض&lt;/b&gt;');
    expect(await scriptHazards(html)).toEqual([]);
    expect((await elementsOf(html)).map((e) => e.tag)).toEqual(['p', 'p']);
  });

  it('escapes code spans and text that marked leaves raw inside raw-HTML context', async () => {
    const html = renderMarkdown(
      'كود `<script>alert(1)</script>` و `a && b`\n\n<pre>x<img src=x onerror=alert(1)// y</pre>\n\n<script>1 < 2 <img src=x onerror=alert(2)//',
    );
    expect(html).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    expect(html).toContain('<code>a &amp;&amp; b</code>');
    expect(await scriptHazards(html)).toEqual([]);
    expect((await elementsOf(html)).map((e) => e.tag)).not.toContain('img');
  });

  it('gives plain text with references decoded in prose and code kept as written', () => {
    expect(tokensToText(lexBody('نص &amp; آخر &#1576; و `&amp;` و\n\n```\na &lt; b\n```'))).toBe(
      'نص & آخر ب و &amp; و\n\na &lt; b',
    );
  });

  it('keeps safe links and marks external ones', () => {
    expect(renderMarkdown('[رابط](https://example.com/a?b=1&c=2 "عنوان")')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" title="عنوان" rel="noopener noreferrer">رابط</a></p>\n',
    );
    expect(renderMarkdown('[بريد](mailto:desk@example.com) [داخلي](/articles/خبر) [قسم](#الخلفية)')).toBe(
      // Non-ASCII letters percent-encoded as UTF-8, as CommonMark does (browsers show them decoded).
      `<p><a href="mailto:desk@example.com">بريد</a> <a href="/articles/${encodeURIComponent('خبر')}">داخلي</a> <a href="#${encodeURIComponent('الخلفية')}">قسم</a></p>\n`,
    );
  });

  it('sizes local body images from the build and leaves remote ones lazy and unsized', () => {
    const html = renderMarkdown('![صورة](/images/a.png) ![بعيدة](https://cdn.example/b.jpg)', 'html', {
      '/images/a.png': { width: 640, height: 480 },
    });
    expect(html).toContain(
      '<img src="/images/a.png" alt="صورة" width="640" height="480" loading="lazy" decoding="async">',
    );
    expect(html).toContain('<img src="https://cdn.example/b.jpg" alt="بعيدة" loading="lazy" decoding="async">');
  });
});

describe('URL policy', () => {
  const dropped = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'javascript&#x3A;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;vascript:alert(1)',
    '&amp;#106;avascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'weird:thing',
  ];
  it.each(dropped)('drops %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });

  it.each(['https://example.com', 'http://example.com', 'mailto:a@b.c', '/path', 'relative/path', '#fragment', '?q=1'])(
    'keeps %j',
    (url) => {
      expect(safeUrl(url)).toBe(url);
    },
  );
});
