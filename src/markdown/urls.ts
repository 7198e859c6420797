/** URL policy for links and images written in markdown. */
import { decodeEntities } from './plain-text.ts';

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
/**
 * An http(s) URL or a rooted path (not `//`) with no character reference, backslash, whitespace or control
 * character in it.
 */
const PLAIN = /^(?:https?:\/\/|\/(?!\/))[^&\s\\\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]*$/i;
/** Browsers drop tabs and newlines anywhere in a URL and read `\` as `/`, so `/\t/host` is `//host`. */
const IGNORED_BY_BROWSERS = /[\t\n\r]/g;

/**
 * Returns the URL when it is safe to put in an href/src: http(s), mailto, a relative path or a fragment.
 * Anything with another scheme (javascript:, data:, vbscript:, in any case, entity-encoded or split by
 * control characters and whitespace) gives null. A URL that a browser reads as pointing to another host
 * without a scheme (`//host`, `/\host`, `\\host`) is returned as `https://host…`, so it is plainly external.
 */
export function safeUrl(url: string): string | null {
  // Most links are plain http(s) URLs or site paths: nothing to decode, no scheme to doubt.
  if (PLAIN.test(url)) return url;
  const decoded = decodeEntities(decodeEntities(url));
  // Browsers ignore ASCII whitespace and control characters inside a scheme: "java\tscript:" is still javascript:.
  const probe = decoded.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(probe);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1]?.toLowerCase() ?? '') ? decoded.trim() : null;
  // A colon before any "/", "?" or "#" would make the browser read a scheme we could not recognize.
  const firstDelimiter = probe.search(/[/?#]/);
  const colon = probe.indexOf(':');
  if (colon !== -1 && (firstDelimiter === -1 || colon < firstDelimiter)) return null;
  const trimmed = decoded.trim();
  const flat = trimmed.replace(IGNORED_BY_BROWSERS, '');
  if (/^[/\\]{2}/.test(flat)) return `https://${flat.replace(/^[/\\]+/, '').replace(/\\/g, '/')}`;
  return trimmed;
}
