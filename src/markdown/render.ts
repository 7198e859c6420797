/**
 * Renders an article body to sanitized HTML, or to AMP markup, from one token stream.
 * This is the only place raw HTML is produced from editor input; everything it emits is escaped here.
 */
import { Lexer, Parser, Renderer, type Token, type Tokens } from 'marked';
import { stripBidiControls } from '../lib/bidi.ts';
import { AmpPicture, Picture } from '../media/picture.ts';
import type { ImageSize } from '../media/types.ts';
import { createIdAllocator } from './heading-ids.ts';
import { BodyLimitError, bodyLimitProblem, formatBodyLimitProblem } from './limits.ts';
import { MARKDOWN_OPTIONS } from './options.ts';
import { decodeEntities, inlineText, tokensToText } from './plain-text.ts';
import { encodeUrl, safeUrl } from './urls.ts';

export type BodyFlavor = 'html' | 'amp';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ALIGN_CLASS = { left: 'al-l', center: 'al-c', right: 'al-r' } as const;

class BodyRenderer extends Renderer {
  private readonly nextId = createIdAllocator();
  private readonly flavor: BodyFlavor;
  private readonly images: Record<string, ImageSize>;

  constructor(flavor: BodyFlavor, images: Record<string, ImageSize>) {
    super(MARKDOWN_OPTIONS);
    this.flavor = flavor;
    this.images = images;
  }

  /** Raw HTML in markdown is shown as text, never passed through. */
  override html({ text, block }: Tokens.HTML | Tokens.Tag): string {
    return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
  }

  override heading({ tokens, depth }: Tokens.Heading): string {
    // h1 is the page headline; body headings start at h2.
    const level = Math.min(Math.max(depth, 2), 6);
    const id = this.nextId(tokensToText(tokens));
    return `<h${level} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${level}>\n`;
  }

  override code({ text, lang }: Tokens.Code): string {
    const language = (lang ?? '').match(/^[a-z0-9][a-z0-9+#-]{0,30}/i)?.[0];
    const cls = language ? ` class="language-${escapeHtml(language.toLowerCase())}"` : '';
    return `<pre dir="ltr"><code${cls}>${escapeHtml(text.replace(/\n$/, ''))}</code></pre>\n`;
  }

  override codespan({ text }: Tokens.Codespan): string {
    // The lexer leaves code span text as written: escaping is the renderer's job.
    return `<code>${escapeHtml(text)}</code>`;
  }

  override text(token: Tokens.Text | Tokens.Escape): string {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    // Inside what marked takes for a raw HTML block it hands text over unescaped ("escaped: true"), expecting
    // the HTML to pass through. We never pass HTML through, so that text is escaped like everything else.
    if ('escaped' in token && token.escaped) return escapeHtml(token.text);
    return super.text(token);
  }

  override checkbox({ checked }: Tokens.Checkbox): string {
    // A disabled <input> is not allowed in AMP and means nothing to a reader: show the state as a symbol.
    return `<span class="task" role="img" aria-label="${checked ? 'منجز' : 'غير منجز'}">${checked ? '☑' : '☐'}</span> `;
  }

  override tablecell(token: Tokens.TableCell): string {
    const tag = token.header ? 'th' : 'td';
    const cls = token.align ? ` class="${ALIGN_CLASS[token.align]}"` : '';
    const scope = token.header ? ' scope="col"' : '';
    return `<${tag}${scope}${cls}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
  }

  override table(token: Tokens.Table): string {
    return `<div class="table-wrap">${super.table(token)}</div>\n`;
  }

  override link({ href, title, tokens }: Tokens.Link): string {
    const inner = this.parser.parseInline(tokens);
    const url = safeUrl(href);
    if (url === null) return inner;
    // safeUrl has already turned `//host` and its backslash forms into https://host, so they count as external.
    const external = /^https?:/i.test(url) ? ' rel="noopener noreferrer"' : '';
    return `<a href="${escapeHtml(encodeUrl(url))}"${titleAttribute(title)}${external}>${inner}</a>`;
  }

  override image({ href, title, text, tokens }: Tokens.Image): string {
    const url = safeUrl(href);
    // Alt text is plain text: the words of emphasis, links and code, without their markers.
    const plainAlt = tokens ? stripBidiControls(inlineText(tokens)) : decodedText(text);
    const alt = escapeHtml(plainAlt);
    if (url === null || /^mailto:/i.test(url)) return alt;
    const size = this.images[url];
    if (size?.media) {
      // A published media-folder photo: right-sized AVIF/WebP/JPEG variants, as the lead image gets them.
      const props = { image: { ...size.media, alt: plainAlt }, title: title ? decodedText(title) : undefined };
      return String(this.flavor === 'amp' ? AmpPicture(props) : Picture(props));
    }
    // A media-folder image is served from R2 under its content-hashed key, not at the editor's path.
    const src = escapeHtml(encodeUrl(size?.src ?? url));
    const titleAttr = titleAttribute(title);
    if (this.flavor === 'amp') {
      if (size) {
        const dims = `width="${size.width}" height="${size.height}"`;
        // The <noscript> image serves readers when the AMP runtime cannot load.
        return `<amp-img src="${src}" alt="${alt}"${titleAttr} ${dims} layout="responsive"><noscript><img src="${src}" alt="${alt}" ${dims} decoding="async"></noscript></amp-img>`;
      }
      // Unknown size: a fixed-ratio box the image fills, so the page never jumps.
      return `<span class="img-fill"><amp-img src="${src}" alt="${alt}"${titleAttr} layout="fill" object-fit="contain"></amp-img></span>`;
    }
    const dims = size ? ` width="${size.width}" height="${size.height}"` : '';
    return `<img src="${src}" alt="${alt}"${titleAttr}${dims} loading="lazy" decoding="async">`;
  }
}

/**
 * Attribute text (a title, alt text) with its character references decoded once, and without the bidi controls a
 * reference could spell: the body lost its literal ones before lexing.
 */
function decodedText(text: string): string {
  return stripBidiControls(decodeEntities(text));
}

/** ` title="…"` for a link or image title; '' without a title. */
function titleAttribute(title: string | null | undefined): string {
  return title ? ` title="${escapeHtml(decodedText(title))}"` : '';
}

/**
 * Lexes a markdown body once; the tokens feed both flavors. Bidi embedding and override controls are removed
 * first. Throws BodyLimitError, before marked runs, when the body is beyond the limits of limits.ts, and
 * instead of a stack overflow should marked still recurse too deep.
 */
export function lexBody(markdown: string): Token[] {
  const problem = bodyLimitProblem(markdown);
  if (problem) throw new BodyLimitError(problem.line, formatBodyLimitProblem(problem));
  return withinStack(() => Lexer.lex(stripBidiControls(markdown), MARKDOWN_OPTIONS));
}

/**
 * Renders tokens to sanitized HTML (`html`) or AMP-valid markup (`amp`). Local image sizes come from the build.
 * Throws BodyLimitError, never RangeError, when the tokens nest too deep to render.
 */
export function renderTokens(tokens: Token[], flavor: BodyFlavor, images: Record<string, ImageSize> = {}): string {
  const renderer = new BodyRenderer(flavor, images);
  return withinStack(() => new Parser({ ...MARKDOWN_OPTIONS, renderer }).parse(tokens) as string);
}

function withinStack<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw new BodyLimitError(null, 'body nests too deeply to render');
    throw error;
  }
}

/** Convenience for one-off rendering (tests, benchmarks): lex and render in one call. */
export function renderMarkdown(
  markdown: string,
  flavor: BodyFlavor = 'html',
  images: Record<string, ImageSize> = {},
): string {
  return renderTokens(lexBody(markdown), flavor, images);
}
