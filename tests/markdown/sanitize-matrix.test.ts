import { describe, expect, it } from 'vitest';
import { type BodyFlavor, renderMarkdown } from '../../src/markdown/render.ts';
import { scriptHazards } from '../helpers/html.ts';

/** Payloads that run script when they reach a page as markup. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror=alert(1)//',
  '<svg/onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<style>@import "javascript:alert(1)"</style>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
];

/** Markdown contexts a payload can sit in, each a function of the payload. */
const CONTEXTS: Record<string, (p: string) => string> = {
  paragraph: (p) => `نص ${p} نص`,
  'own block': (p) => `\n${p}\n`,
  'code span': (p) => `كود \`${p}\``,
  'code block': (p) => `\`\`\`\n${p}\n\`\`\``,
  'link text': (p) => `[${p}](https://example.com)`,
  'link title': (p) => `[x](https://example.com "${p.replace(/"/g, '\\"')}")`,
  'image alt': (p) => `![${p}](https://example.com/x.png)`,
  heading: (p) => `## ${p}`,
  'list item': (p) => `- ${p}`,
  'block quote': (p) => `> ${p}`,
  'table cell': (p) => `| a |\n| - |\n| ${p.replace(/\|/g, '\\|')} |`,
  'after inline <pre>': (p) => `x <pre> ${p} </pre>`,
  'after inline <script>': (p) => `x <script> ${p}`,
  'after inline <code>': (p) => `x <code> ${p}`,
  'after <textarea>': (p) => `<textarea>\n${p}\n</textarea>`,
  emphasis: (p) => `**${p}** _${p}_ ~~${p}~~`,
  'reference link': (p) => `[x][r]\n\n[r]: https://example.com "${p.replace(/"/g, "'")}"`,
};

describe.each(['html', 'amp'] as BodyFlavor[])('every payload in every markdown context (%s)', (flavor) => {
  for (const [name, wrap] of Object.entries(CONTEXTS)) {
    it(`stays inert in ${name}`, async () => {
      const failures: string[] = [];
      for (const payload of PAYLOADS) {
        const html = renderMarkdown(wrap(payload), flavor);
        const hazards = await scriptHazards(html);
        if (hazards.length > 0) failures.push(`${payload} -> ${hazards.join(', ')}\n${html}`);
      }
      expect(failures).toEqual([]);
    });
  }
});
