import type { Token } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  BodyLimitError,
  bodyLimitProblem,
  MAX_BODY_BYTES,
  MAX_MARKERS,
  MAX_MARKERS_PER_BLOCK,
  MAX_NESTING_DEPTH,
} from '../../src/markdown/limits.ts';
import { lexBody, renderMarkdown, renderTokens } from '../../src/markdown/render.ts';
import { BOMBS, longArticle } from './bombs.ts';

/** The error lexBody throws for a body, or null when it renders. */
function refusal(markdown: string): BodyLimitError | null {
  try {
    renderMarkdown(markdown, 'html');
    renderMarkdown(markdown, 'amp');
    return null;
  } catch (error) {
    if (error instanceof BodyLimitError) return error;
    throw error;
  }
}

describe('every bomb of issue #9 is refused before marked runs', () => {
  const expected: Record<string, [number, RegExp]> = {
    '2,000 nested block quotes (2 KB)': [1, /block quotes and lists nested more than 16 levels/],
    'a list nested 2,000 deep (4 KB)': [1, /block quotes and lists nested more than 16 levels/],
    'emphasis nested 700 deep (10 KB)': [1, /more than 150 emphasis and link markers .* in one paragraph/],
    'emphasis nested 500 deep (7 KB)': [1, /more than 150 emphasis and link markers .* in one paragraph/],
    '"*a" × 20,000 (40 KB)': [1, /in one paragraph/],
    '"a***" × 20,000': [1, /in one paragraph/],
    '"![[]()" × 30,000': [1, /in one paragraph/],
    'a list indented 300 levels': [17, /nested more than 16 levels/],
  };
  for (const [name, body] of Object.entries(BOMBS)) {
    it(name, () => {
      const [line, message] = expected[name] ?? [0, /never/];
      expect(bodyLimitProblem(body)).toEqual({ line, message: expect.stringMatching(message) });
      const error = refusal(body);
      expect(error).toBeInstanceOf(BodyLimitError);
      expect(error?.line).toBe(line);
      expect(error?.message).toMatch(new RegExp(`^line ${line}: `));
    });
  }
});

describe('an ordinary long article', () => {
  it('of 100 KB, with a 60-row table and a 300-item list, passes every limit and renders in both flavors', () => {
    const body = longArticle();
    expect(new TextEncoder().encode(body).length).toBeGreaterThanOrEqual(100_000);
    expect(bodyLimitProblem(body)).toBeNull();
    const html = renderMarkdown(body, 'html');
    expect(html.match(/<tr>/g)).toHaveLength(61);
    expect(html).toContain('<li><strong>البند 300:</strong>');
    expect(renderMarkdown(body, 'amp')).toContain('<div class="table-wrap">');
  });

  it('keeps code samples, thematic breaks and task lists within the limits', () => {
    const python = Array.from({ length: 120 }, (_, i) => `    def __init__(self, a_${i}, b_${i}): self._x = a_${i}`);
    const body = `${'- - - - - - - - - - - - - - - - - - - -'}\n\n\`\`\`py\n${python.join('\n')}\n\`\`\`\n\n- [x] منجز\n- [ ] باقٍ\n`;
    expect(bodyLimitProblem(body)).toBeNull();
    expect(renderMarkdown(body)).toContain('<hr>');
  });
});

describe('both sides of each limit', () => {
  it(`size: ${MAX_BODY_BYTES} bytes of UTF-8 pass, one more byte does not`, () => {
    const paragraph = `${'ب'.repeat(999)}\n\n`; // 2,000 bytes
    const full = paragraph.repeat(MAX_BODY_BYTES / 2000);
    expect(new TextEncoder().encode(full).length).toBe(MAX_BODY_BYTES);
    expect(bodyLimitProblem(full)).toBeNull();
    expect(renderMarkdown(full)).toContain('<p>ببب');
    const problem = bodyLimitProblem(`${full}x`);
    expect(problem).toEqual({ line: null, message: expect.stringContaining('larger than 500 KiB') });
    expect(refusal(`${full}x`)?.message).toMatch(/^body is larger than 500 KiB/);
  });

  it(`block quotes: ${MAX_NESTING_DEPTH} levels pass, ${MAX_NESTING_DEPTH + 1} do not`, () => {
    const quote = (n: number) => `مقدمة\n\n${'>'.repeat(n)} قول\n`;
    expect(refusal(quote(MAX_NESTING_DEPTH))).toBeNull();
    expect(renderMarkdown(quote(MAX_NESTING_DEPTH)).match(/<blockquote>/g)).toHaveLength(MAX_NESTING_DEPTH);
    expect(refusal(quote(MAX_NESTING_DEPTH + 1))?.message).toMatch(/^line 3: block quotes and lists nested/);
  });

  it(`lists on one line: ${MAX_NESTING_DEPTH} levels pass, ${MAX_NESTING_DEPTH + 1} do not`, () => {
    const list = (n: number) => `${'- '.repeat(n)}بند\n`;
    expect(refusal(list(MAX_NESTING_DEPTH))).toBeNull();
    expect(renderMarkdown(list(MAX_NESTING_DEPTH)).match(/<ul>/g)).toHaveLength(MAX_NESTING_DEPTH);
    expect(refusal(list(MAX_NESTING_DEPTH + 1))?.line).toBe(1);
  });

  it(`indented lists: ${MAX_NESTING_DEPTH} levels pass, ${MAX_NESTING_DEPTH + 1} do not, naming the line`, () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- بند ${i + 1}`).join('\n');
    expect(refusal(list(MAX_NESTING_DEPTH))).toBeNull();
    expect(renderMarkdown(list(MAX_NESTING_DEPTH)).match(/<ul>/g)).toHaveLength(MAX_NESTING_DEPTH);
    expect(refusal(list(MAX_NESTING_DEPTH + 1))?.line).toBe(MAX_NESTING_DEPTH + 1);
  });

  it(`quotes and lists mixed count together`, () => {
    expect(refusal(`${'> - '.repeat(MAX_NESTING_DEPTH / 2)}نص`)).toBeNull();
    expect(refusal(`${'> - '.repeat(MAX_NESTING_DEPTH / 2)}> نص`)?.line).toBe(1);
  });

  it(`emphasis: ${MAX_MARKERS_PER_BLOCK} markers in one paragraph pass, one more does not`, () => {
    const flat = (n: number) => `عنوان\n\nسطر أول\n${'_a '.repeat(n)}\n`;
    expect(refusal(flat(MAX_MARKERS_PER_BLOCK))).toBeNull();
    expect(refusal(flat(MAX_MARKERS_PER_BLOCK + 1))?.message).toMatch(
      /^line 3: more than 150 emphasis and link markers \(\*, _, ~, \[\) in one paragraph/,
    );
    // Nested emphasis: two runs open each level, and the closing `** a*** a*…` has one run per level plus one.
    const nested = (levels: number) => `${'*a **a '.repeat(levels)}a${'** a*'.repeat(levels)}`;
    expect(refusal(nested(49))).toBeNull();
    expect(renderMarkdown(nested(49))).toContain('<em>a <strong>a <em>a');
    expect(refusal(nested(50))?.line).toBe(1);
  });

  it(`markers in the whole body: ${MAX_MARKERS} pass, one more does not`, () => {
    const paragraphs = (MAX_MARKERS / 100) | 0;
    const body = Array.from({ length: paragraphs }, () => '[رابط](/x) '.repeat(100)).join('\n\n');
    expect(refusal(body)).toBeNull();
    expect(refusal(`${body}\n\n**`)?.message).toMatch(/^line 101: more than 5000 emphasis and link markers/);
  });
});

describe('the scan itself', () => {
  it('numbers lines the way editors do, whatever the line endings', () => {
    const deep = '>'.repeat(MAX_NESTING_DEPTH + 1);
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(bodyLimitProblem(`أ${eol}${eol}ب${eol}${deep} ج`)?.line).toBe(4);
    }
  });

  it('stays linear on long hostile lines (each a whole 250 KB body)', () => {
    const n = 250_000;
    expect(bodyLimitProblem(`-${' '.repeat(n)}x`)?.line).toBe(1);
    expect(bodyLimitProblem(`${' '.repeat(n)}- a`)?.line).toBe(1);
    expect(bodyLimitProblem(`${'- '.repeat(n / 2)}a`)?.line).toBe(1);
    expect(bodyLimitProblem(`${'-\t'.repeat(n / 2)}x`)?.line).toBe(1);
    expect(bodyLimitProblem('|-'.repeat(n / 2))).toBeNull();
    expect(bodyLimitProblem('a\n'.repeat(n))).toBeNull();
    expect(bodyLimitProblem('\n'.repeat(n))).toBeNull();
    expect(bodyLimitProblem('```\n'.repeat(n / 4))).toBeNull();
    expect(bodyLimitProblem('- a\n'.repeat(n / 4))).toBeNull();
    expect(bodyLimitProblem(`ب${'_ '.repeat(n / 2)}`)?.message).toMatch(/in one paragraph/);
  });
});

describe('the renderer never lets a RangeError out', () => {
  it('turns a stack overflow while rendering into a BodyLimitError', () => {
    // Tokens can reach renderTokens from a cache; nest them far deeper than any guard would let through.
    let token: Token = { type: 'text', raw: 'a', text: 'a' };
    for (let i = 0; i < 100_000; i++) token = { type: 'blockquote', raw: '>', text: '', tokens: [token] };
    expect(() => renderTokens([token], 'html')).toThrow(BodyLimitError);
    expect(() => renderTokens([token], 'html')).toThrow('body nests too deeply to render');
  });

  it('lexBody refuses before lexing', () => {
    expect(() => lexBody(BOMBS['2,000 nested block quotes (2 KB)'] ?? '')).toThrow(/^line 1: block quotes/);
  });
});
