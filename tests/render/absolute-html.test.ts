import { describe, expect, it } from 'vitest';
import { absoluteBodyHtml, ampBodyHtml } from '../../src/render/absolute-html.ts';

const ARTICLE = 'https://al-ayyam.example/articles/links';
const link = (href: string) => `<p><a href="${href}">x</a></p>`;
const hrefOf = (html: string) => /href="([^"]*)"/.exec(html)?.[1];

describe('the AMP page body (one level below the article)', () => {
  it.each([
    ['other-article', '/articles/other-article'],
    ['../tags/x?ref=1&amp;b=2#top', '/tags/x?ref=1&amp;b=2#top'],
    ['?page=2', '/articles/links?page=2'],
    // Paths that would leave the site once resolved stay on it, written absolute.
    ['..//evil.example/x', 'https://al-ayyam.example//evil.example/x'],
    ['..\\\\evil.example/x', 'https://al-ayyam.example//evil.example/x'],
  ])('resolves the relative path %s as the article page would: %s', (href, expected) => {
    expect(hrefOf(ampBodyHtml(link(href), ARTICLE))).toBe(expected);
  });

  it.each(['#heading', '/tags/x', 'https://example.com/x', 'mailto:desk@example.com', '//cdn.example/x'])(
    'keeps %s as written',
    (href) => {
      expect(hrefOf(ampBodyHtml(link(href), ARTICLE))).toBe(href);
    },
  );
});

describe('bodies read away from the site (feeds, the JSON API)', () => {
  it.each([
    ['#heading', `${ARTICLE}#heading`],
    ['/media/img/a/480.avif', 'https://al-ayyam.example/media/img/a/480.avif'],
    ['other?a=1&amp;b=2', 'https://al-ayyam.example/articles/other?a=1&amp;b=2'],
    ['https://example.com/x', 'https://example.com/x'],
    ['//cdn.example/x', '//cdn.example/x'],
  ])('makes %s absolute: %s', (href, expected) => {
    expect(hrefOf(absoluteBodyHtml(link(href), ARTICLE))).toBe(expected);
  });

  it('makes every srcset candidate absolute, keeping the widths', () => {
    const html = '<source srcset="/media/a/480.avif 480w, /media/a/800.avif 800w">';
    expect(absoluteBodyHtml(html, ARTICLE)).toBe(
      '<source srcset="https://al-ayyam.example/media/a/480.avif 480w, https://al-ayyam.example/media/a/800.avif 800w">',
    );
  });
});
