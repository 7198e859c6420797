import { describe, expect, it } from 'vitest';
import { type BodyFlavor, renderMarkdown } from '../../src/markdown/render.ts';

describe.each(['html', 'amp'] as BodyFlavor[])('links a browser reads as another host (%s)', (flavor) => {
  // Markdown source on the left (`\\` in markdown is one backslash), the href a reader's browser would follow.
  const cases: [string, string][] = [
    ['[x](//evil.example/x)', 'https://evil.example/x'],
    ['[x](/\\evil.example)', 'https://evil.example'],
    ['[x](\\\\\\\\evil.example)', 'https://evil.example'],
    ['[x](/\\/evil.example/a\\b)', 'https://evil.example/a/b'],
    ['[x](/&Tab;/evil.example)', 'https://evil.example'],
    ['[x](&#47;&#47;evil.example)', 'https://evil.example'],
    ['[x](<//evil.example/a b>)', 'https://evil.example/a%20b'],
  ];
  for (const [markdown, href] of cases) {
    it(`${markdown} is an external https link with rel="noopener noreferrer"`, () => {
      expect(renderMarkdown(markdown, flavor)).toBe(`<p><a href="${href}" rel="noopener noreferrer">x</a></p>\n`);
    });
  }

  it('a protocol-relative image becomes an https image', () => {
    expect(renderMarkdown('![صورة](//evil.example/i.png)', flavor)).toContain('src="https://evil.example/i.png"');
  });

  it('on-site paths stay on-site, without rel', () => {
    expect(renderMarkdown('[x](/articles/y) [z](\\\\evil.example)', flavor)).toBe(
      // A single backslash then a name is a relative path on this site, not another host; percent-encoded as
      // CommonMark does, so the browser does not read it as `/evil.example` either.
      '<p><a href="/articles/y">x</a> <a href="%5Cevil.example">z</a></p>\n',
    );
  });
});

describe('bidi controls in the body', () => {
  it('are removed from text, link text, alt text and code alike', () => {
    const rlo = '\u202e';
    const body = `نص ${rlo}عكس\u202c و\u2066عزل\u2069\n\n[ر${rlo}ابط](https://example.com) ![بد${rlo}يل](https://example.com/i.png)\n\n\`كو${rlo}د\`\n\n\`\`\`\nif (a${rlo}) {}\n\`\`\`\n`;
    for (const flavor of ['html', 'amp'] as BodyFlavor[]) {
      const html = renderMarkdown(body, flavor);
      expect(html).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(html).toContain('<p>نص عكس وعزل</p>');
      expect(html).toContain('<code>كود</code>');
    }
  });

  it('keeps the marks Arabic text needs (LRM, RLM, ALM)', () => {
    expect(renderMarkdown('نص\u200f 2024\u200e و\u061c')).toBe('<p>نص\u200f 2024\u200e و\u061c</p>\n');
  });
});
