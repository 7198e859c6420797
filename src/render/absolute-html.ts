/** Article bodies and text for readers that show them away from the site: feeds and the JSON API. */

const HTML_DECODE: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const HTML_ENCODE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Makes the relative URLs in an article body absolute, since a feed reader or an app shows the body away from the
 * site: `href`/`src` values and each URL of a `srcset` that are root paths (`/images/x.jpg`), fragments
 * (`#heading`) or relative paths are resolved against the article's own URL. Values with a scheme (`https:`, `mailto:`) and
 * protocol-relative `//host` URLs are left as they are. Expects the markup of markdown/render.ts (double-quoted
 * attributes; `srcset` only as media/picture.ts writes it, `url 480w` candidates joined by `, `).
 */
export function absoluteBodyHtml(bodyHtml: string, articleUrl: string): string {
  const absolute = (value: string): string => {
    const url = value.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => HTML_DECODE[e] ?? e);
    // What a browser would read as the scheme: leading controls and spaces, and tabs/newlines anywhere, do not count.
    const probe = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
    if (/^[a-z][a-z0-9+.-]*:/i.test(probe) || /^[/\\]{2}/.test(probe)) return value;
    return htmlFromText(new URL(url, articleUrl).href);
  };
  return bodyHtml
    .replace(/(\s(?:href|src)=")([^"]*)"/g, (_, start: string, value: string) => `${start}${absolute(value)}"`)
    .replace(
      /(\ssrcset=")([^"]*)"/g,
      (_, start: string, value: string) =>
        `${start}${value
          .split(', ')
          .map((candidate) => candidate.replace(/^\S+/, absolute))
          .join(', ')}"`,
    );
}

/**
 * Plain text as HTML, for RSS fields that readers render as HTML (`description`): the text is then shown, never
 * interpreted, once the reader has undone the XML escaping.
 */
export function htmlFromText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENCODE[c] ?? c);
}
