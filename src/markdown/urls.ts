/** URL policy for links and images written in markdown, and the percent-encoding CommonMark gives their URLs. */
import { decodeEntities } from './plain-text.ts';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
/**
 * An http(s) URL or a rooted path (not `//`) with no character reference, backslash, whitespace or control
 * character in it.
 */
const PLAIN = /^(?:https?:\/\/|\/(?!\/))[^&\s\\\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]*$/i;
/** Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:" is javascript:). */
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g;
/** ASCII punctuation that no scheme holds: before a colon, it makes the colon part of a relative path. */
const NOT_IN_SCHEME = /[!"$%&'()*,;<=>@[\\\]^_`{|}~]/;
/** Browsers drop tabs and newlines anywhere in a URL and read `\` as `/`, so `/\t/host` is `//host`. */
const IGNORED_BY_BROWSERS = /[\t\n\r]/g;

/**
 * Returns the URL, its character references decoded once (as CommonMark and browsers read them), when it is safe
 * to put in an href/src: http(s), mailto, a relative path or a fragment. Anything with another scheme
 * (javascript:, data:, vbscript:, in any case, entity-encoded, even twice, or split by control characters and
 * whitespace) gives null. A URL that a browser reads as pointing to another host without a scheme (`//host`,
 * `/\host`, `\\host`) is returned as `https://host…`, so it is plainly external. Pass the result to encodeUrl.
 */
export function safeUrl(url: string): string | null {
  // Most links are plain http(s) URLs or site paths: nothing to decode, no scheme to doubt.
  if (PLAIN.test(url)) return url;
  const decoded = decodeEntities(url).trim();
  const probe = decodeEntities(decodeEntities(url)).replace(IGNORED_IN_SCHEME, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]?.toLowerCase() ?? '') ? decoded : null;
  // A colon before any "/", "?" or "#" could make the browser read a scheme we did not recognize, unless
  // something before it cannot be in a scheme: `foo):` is a relative path.
  const firstDelimiter = probe.search(/[/?#]/);
  const colon = probe.indexOf(':');
  if (colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter) && !NOT_IN_SCHEME.test(probe.slice(0, colon))) {
    return null;
  }
  const flat = decoded.replace(IGNORED_BY_BROWSERS, '');
  if (/^[/\\]{2}/.test(flat)) return `https://${flat.replace(/^[/\\]+/, '').replace(/\\/g, '/')}`;
  return decoded;
}

/** A `%` escape, kept as it is, or a character CommonMark's URL encoding (mdurl's) does not leave alone. */
const TO_ENCODE = /%[0-9A-Fa-f]{2}|[^A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]/gu;

/**
 * Percent-encodes a URL as CommonMark's reference implementation does: UTF-8 for non-ASCII letters, and `%5C` for
 * a backslash, `%20` for a space, `%22` for a quote…, leaving existing `%XX` escapes and URL punctuation alone.
 * A browser then reads exactly the URL written: `foo\bar` is not `foo/bar`, and no control character is dropped.
 */
export function encodeUrl(url: string): string {
  return url.replace(TO_ENCODE, (c) => {
    if (c.length === 3) return c;
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD'; // a lone surrogate: U+FFFD, as mdurl writes it
    }
  });
}
