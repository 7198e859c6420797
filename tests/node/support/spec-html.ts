/**
 * Canonical form of an HTML fragment for comparing a renderer with the CommonMark spec, modelled on the spec's
 * own test/normalize.py: whitespace at block-tag edges dropped and elsewhere collapsed (not inside <pre>),
 * attributes sorted, character references decoded and only `& < > "` escaped again, `<br />` read as `<br>`.
 * Two fragments a browser shows the same way come out equal; anything else is kept, so a real difference shows.
 */

/** The tags normalize.py treats as blocks: whitespace next to them does not matter. */
const BLOCK_TAGS = new Set(
  (
    'article header aside hgroup blockquote hr iframe body li map button object canvas ol caption output col p ' +
    'colgroup pre dd progress div section dl table td dt tbody embed textarea fieldset tfoot figcaption th figure ' +
    'thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style'
  ).split(' '),
);

/**
 * The named references the spec's examples use (and that the renderers may pass through). An unknown name is
 * literal text to a browser, so it stays `&name;` text; a name a browser knows but this table lacks would make
 * two equal fragments differ, never two different ones equal.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  AElig: 'Æ',
  Dcaron: 'Ď',
  frac34: '¾',
  HilbertSpace: 'ℋ',
  DifferentialD: 'ⅆ',
  ClockwiseContourIntegral: '∲',
  ngE: '≧̸',
  ouml: 'ö',
  auml: 'ä',
};

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));/g;

/** `text` with its character references decoded, as a browser reads text and attribute values. */
export function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** ASCII whitespace only: a no-break space is text a reader sees (JavaScript's trim() would drop it). */
const LEADING_SPACE = /^[ \t\n\r\f]+/;
const TRAILING_SPACE = /[ \t\n\r\f]+$/;

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?>|<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>|<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;

/** The canonical form of `html`. */
export function normalizeHtml(html: string): string {
  let output = '';
  let last: 'start' | 'end' | 'data' | 'other' = 'start';
  let lastTag = '';
  let inPre = false;

  const data = (raw: string) => {
    let text = decodeReferences(raw);
    const afterTag = last === 'start' || last === 'end';
    if (afterTag && lastTag === 'br') text = text.replace(/^\n+/, '');
    if (!inPre) text = text.replace(/[ \t\n\r\f]+/g, ' ');
    if (afterTag && BLOCK_TAGS.has(lastTag) && !inPre) {
      text =
        last === 'start'
          ? text.replace(LEADING_SPACE, '')
          : text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
    }
    output += escapeText(text);
    last = 'data';
  };

  let at = 0;
  for (const match of html.matchAll(TOKEN)) {
    if (match.index > at) data(html.slice(at, match.index));
    at = match.index + match[0].length;
    const [whole, endName, startName, attributes = '', selfClosing] = match;
    if (endName !== undefined) {
      const tag = endName.toLowerCase();
      if (tag === 'pre') inPre = false;
      else if (BLOCK_TAGS.has(tag)) output = output.replace(TRAILING_SPACE, '');
      output += `</${tag}>`;
      lastTag = tag;
      last = 'end';
    } else if (startName !== undefined) {
      const tag = startName.toLowerCase();
      if (tag === 'pre') inPre = true;
      if (BLOCK_TAGS.has(tag)) output = output.replace(TRAILING_SPACE, '');
      const attrs = [...attributes.matchAll(ATTRIBUTE)]
        .map(([, name = '', dq, sq, bare]) => {
          const value = dq ?? sq ?? bare;
          return value === undefined
            ? name.toLowerCase()
            : `${name.toLowerCase()}="${escapeText(decodeReferences(value))}"`;
        })
        .sort();
      output += `<${[tag, ...attrs].join(' ')}>`;
      lastTag = tag;
      last = selfClosing ? 'end' : 'start';
    } else {
      output += whole;
      last = 'other';
    }
  }
  if (at < html.length) data(html.slice(at));
  return output.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}
