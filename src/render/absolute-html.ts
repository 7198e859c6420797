/** Article bodies read away from the article's own URL: in feeds and the JSON API, and on its AMP page. */

const HTML_DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const HTML_ENCODE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Rewrites the URLs of an article body: `href`/`src` values and each URL of a `srcset`. `resolve` gets each URL
 * decoded, and returns its replacement or null to keep it. Expects the markup of markdown/render.ts
 * (double-quoted attributes; `srcset` only as media/picture.ts writes it, `url 480w` candidates joined by `, `).
 */
function mapBodyUrls(bodyHtml: string, resolve: (url: string) => string | null): string {
  const rewrite = (value: string): string => {
    const url = value.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_DECODE[e] ?? e);
    const replaced = resolve(url);
    return replaced === null ? value : htmlFromText(replaced);
  };
  return bodyHtml
    .replace(/(\s(?:href|src)=")([^"]*)"/g, (_, start: string, value: string) => `${start}${rewrite(value)}"`)
    .replace(
      /(\ssrcset=")([^"]*)"/g,
      (_, start: string, value: string) =>
        `${start}${value
          .split(', ')
          .map((candidate) => candidate.replace(/^\S+/, rewrite))
          .join(', ')}"`,
    );
}

/** True for a URL with a scheme (`https:`, `mailto:`) or protocol-relative (`//host`), as a browser reads it. */
function leavesTheSite(url: string): boolean {
  // Leading controls and spaces, and tabs/newlines anywhere, do not count.
  const probe = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(probe) || /^[/\\]{2}/.test(probe);
}

/**
 * Makes the relative URLs in an article body absolute, since a feed reader or an app shows the body away from the
 * site: root paths (`/images/x.jpg`), fragments (`#heading`) and relative paths are resolved against the
 * article's own URL. URLs with a scheme and protocol-relative `//host` URLs are left as they are.
 */
export function absoluteBodyHtml(bodyHtml: string, articleUrl: string): string {
  return mapBodyUrls(bodyHtml, (url) => (leavesTheSite(url) ? null : new URL(url, articleUrl).href));
}

/**
 * The body for the article's AMP page. Editors write relative paths (`other-article`) to be read from the
 * article's URL, but the AMP page is one level deeper (`<article>/amp`): they become root paths resolved as on the
 * article's own page. Fragments stay, so `#heading` still jumps within the AMP page; root paths and URLs that
 * leave the site stay too.
 */
export function ampBodyHtml(bodyHtml: string, articleUrl: string): string {
  return mapBodyUrls(bodyHtml, (url) => {
    if (leavesTheSite(url) || /^[/\\#]/.test(url.trimStart()) || url === '') return null;
    const resolved = new URL(url, articleUrl);
    // `..//host/x` resolves to the path `//host/x`, which a browser would read as another site: keep it absolute.
    if (/^[/\\]{2}/.test(resolved.pathname)) return resolved.href;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  });
}

/**
 * Plain text as HTML, for RSS fields that readers render as HTML (`description`): the text is then shown, never
 * interpreted, once the reader has undone the XML escaping.
 */
export function htmlFromText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENCODE[c] ?? c);
}
