/**
 * Markdown as the spec says: every CommonMark 0.31.2 example and every GFM extension example goes through the site's
 * renderer and must give the spec's HTML once the named rules of support/spec-examples.ts have undone the
 * differences the site means to have. Any other difference fails, unless the example is in EXCEPTIONS with a reason.
 */
import { describe, expect, it } from 'vitest';
import { COMMONMARK_EXAMPLES, type Example, GFM_EXAMPLES, RULES, runExample } from './support/spec-examples.ts';
import { normalizeHtml } from './support/spec-html.ts';

/** Examples allowed to differ, as `suite:number`, each with why. Empty: every example matches. */
const EXCEPTIONS: Record<string, string> = {};

/**
 * How many examples each rule rewrites. Pinned, so that a rule that starts to cover more examples (a renderer change
 * hiding behind it) or fewer (a rule no longer needed) is noticed and looked at.
 */
const EXAMPLES_PER_RULE: Record<string, number> = {
  'raw HTML shown as text': 73,
  'body headings start at h2': 25,
  'heading ids': 40,
  'rel on external links': 22,
  'dir on code blocks': 82,
  'code blocks without a final newline': 78,
  'code language class limited to a plain name': 2,
  'table wrapper and cell attributes': 7,
  'loading and decoding on images': 22,
  'URLs the URL policy drops': 7,
  'GFM autolink literals': 4,
  'task boxes as symbols': 2,
};

const key = (example: Example) => `${example.suite}:${example.number}`;

describe.each([
  ['CommonMark 0.31.2', COMMONMARK_EXAMPLES],
  ['GFM extensions', GFM_EXAMPLES],
])('%s examples', (_, examples) => {
  it.each(examples.map((e) => [e.number, e.section, e] as const))('example %i (%s)', (_n, _section, example) => {
    const outcome = runExample(example);
    const reason = EXCEPTIONS[key(example)];
    if (reason) {
      // An exception that now matches is stale: take it off the list.
      expect(outcome.matched, `example ${key(example)} matches now (listed because: ${reason})`).toBe(false);
    } else {
      expect(outcome.ours, `markdown: ${JSON.stringify(example.markdown)}`).toBe(outcome.expected);
    }
  });
});

describe('the comparison', () => {
  const all = [...COMMONMARK_EXAMPLES, ...GFM_EXAMPLES];

  it('covers the whole of both suites', () => {
    expect(COMMONMARK_EXAMPLES.map((e) => e.number)).toEqual(Array.from({ length: 652 }, (_, i) => i + 1));
    const sections = new Set(GFM_EXAMPLES.map((e) => e.section));
    expect([...sections].sort()).toEqual([
      '4.10 Tables (extension)',
      '5.3 Task list items (extension)',
      '6.11 Disallowed Raw HTML (extension)',
      '6.5 Strikethrough (extension)',
      '6.9 Autolinks (extension)',
    ]);
    expect(GFM_EXAMPLES).toHaveLength(28);
  });

  it('rewrites as many examples with each rule as pinned, and lists no unknown exception', () => {
    const perRule: Record<string, number> = {};
    for (const example of all) {
      for (const name of Object.keys(runExample(example).rules)) perRule[name] = (perRule[name] ?? 0) + 1;
    }
    expect(perRule).toEqual(EXAMPLES_PER_RULE);
    expect(Object.keys(EXAMPLES_PER_RULE).sort()).toEqual(RULES.map((r) => r.name).sort());
    expect(Object.keys(EXCEPTIONS).filter((k) => !all.some((e) => key(e) === k))).toEqual([]);
  });

  it('still tells apart what a browser shows differently', () => {
    const differ = (a: string, b: string) => expect(normalizeHtml(a)).not.toBe(normalizeHtml(b));
    differ('<p>a</p>', '<p>b</p>');
    differ('<a href="foo%5Cbar">x</a>', '<a href="foo\\bar">x</a>');
    differ('<a href="/f%C3%B6">x</a>', '<a href="/f&amp;ouml;">x</a>');
    differ('<img src="a" alt="foo bar">', '<img src="a" alt="foo *bar*">');
    differ('<pre><code>a  b</code></pre>', '<pre><code>a b</code></pre>');
    differ('<p>&amp;ThisIsNotDefined;</p>', '<p>&ouml;</p>');
    // …and equal what it shows the same.
    expect(normalizeHtml('<p>a &#39;b&#39;<br />\nc</p>\n<hr />')).toBe(normalizeHtml("<p>a 'b'<br>c</p><hr>"));
    expect(normalizeHtml('<a title="&ouml;" href="x">')).toBe(normalizeHtml('<a href="x" title="ö">'));
  });
});
