import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/markdown/render.ts';
import { encodeUrl, safeUrl } from '../../src/markdown/urls.ts';
import { scriptHazards } from '../helpers/html.ts';

describe('encodeUrl (CommonMark percent-encoding)', () => {
  it.each([
    ['foo\\bar', 'foo%5Cbar'],
    ['/φου', '/%CF%86%CE%BF%CF%85'],
    ['/articles/خبر', `/articles/${encodeURIComponent('خبر')}`],
    ['foo%20bä', 'foo%20b%C3%A4'],
    ['"title"', '%22title%22'],
    ['/a b<c>`d`{e}|^[f]', '/a%20b%3Cc%3E%60d%60%7Be%7D%7C%5E%5Bf%5D'],
    ['100%', '100%25'],
    ['%zz%4', '%25zz%254'],
    ['/a\ud800b', '/a%EF%BF%BDb'],
    ['/😀', '/%F0%9F%98%80'],
  ])('%j becomes %j', (url, encoded) => {
    expect(encodeUrl(url)).toBe(encoded);
  });

  it('leaves URL punctuation and existing escapes alone', () => {
    const url = "https://a.example/p;x/q?r=1&s=t+u,v$w@x:y!z~*'(a)-_.#frag%2F";
    expect(encodeUrl(url)).toBe(url);
  });
});

describe('safeUrl reads character references once', () => {
  it('decodes named and numeric references, not their escaped forms', () => {
    expect(safeUrl('/f&ouml;&ouml;')).toBe('/föö');
    expect(safeUrl('/a&#x2F;b&#47;c')).toBe('/a/b/c');
    expect(safeUrl('/f&amp;ouml;')).toBe('/f&ouml;');
    // Names are case-sensitive, as in browsers; an unknown one is kept, and escaped when written.
    expect(safeUrl('/f&OUML;&bogus;')).toBe('/f&OUML;&bogus;');
  });

  it('keeps a colon that follows a character no scheme has', () => {
    expect(safeUrl('foo):')).toBe('foo):');
    expect(safeUrl('a_b:c')).toBe('a_b:c');
    // …and still refuses what could be a scheme it does not know.
    expect(safeUrl('1javascript:alert(1)')).toBeNull();
    expect(safeUrl('foo:bar')).toBeNull();
    expect(safeUrl('javascript\u00ad:alert(1)')).toBeNull();
  });
});

describe('links and images as the spec writes them', () => {
  it('percent-encodes destinations, so a browser does not read `\\` as `/`', () => {
    expect(renderMarkdown('[a](foo\\bar) [b](</my uri>) [c](foo\\)\\:)')).toBe(
      '<p><a href="foo%5Cbar">a</a> <a href="/my%20uri">b</a> <a href="foo):">c</a></p>\n',
    );
  });

  it('decodes references in titles once', () => {
    expect(renderMarkdown('[a](/u "f&ouml;&ouml; &amp; \\"&quot;")')).toBe(
      '<p><a href="/u" title="föö &amp; &quot;&quot;">a</a></p>\n',
    );
  });

  it('gives images plain-text alt: no emphasis markers, link syntax or references left', () => {
    expect(renderMarkdown('![*أ* [ب](/x) `ج` &amp; ![د](/y)](/i.png)')).toBe(
      '<p><img src="/i.png" alt="أ ب ج &amp; د" loading="lazy" decoding="async"></p>\n',
    );
  });

  it('drops the bidi controls a reference spells in a title or alt text, as the body loses literal ones', () => {
    expect(renderMarkdown('[a](/u "x&#x202E;y") ![&#8238;z](/i.png "&#x2066;t")')).toBe(
      '<p><a href="/u" title="xy">a</a> <img src="/i.png" alt="z" title="t" loading="lazy" decoding="async"></p>\n',
    );
  });

  it('writes a URL a browser would strip to `//host` as a relative path instead', async () => {
    const html = renderMarkdown('[x](&#1;//evil.example) [y](java&amp;lpar;script:alert(1))');
    expect(html).toBe('<p><a href="%01//evil.example">x</a> <a href="java&amp;lpar;script:alert(1)">y</a></p>\n');
    expect(await scriptHazards(html)).toEqual([]);
  });
});
