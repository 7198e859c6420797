/**
 * Turns the files of content/ into published articles, or into errors naming file, field and expectation.
 * Pure: the caller reads the files and measures images, so the same code runs in the build script and in tests.
 */
import type { Token } from 'marked';
import { stripBidiControls } from '../lib/bidi.ts';
import { hash64 } from '../lib/hash.ts';
import { BodyLimitError, bodyLimitProblem, formatBodyLimitProblem } from '../markdown/limits.ts';
import { readingMinutes, tokensToText } from '../markdown/plain-text.ts';
import { lexBody } from '../markdown/render.ts';
import type { ImageSize } from '../media/types.ts';
import { DEFAULT_AUTHOR } from '../site.ts';
import { unknownAuthorMessage } from './authors.ts';
import { ContentError } from './content-error.ts';
import { controlCharacterMessage, findControlCharacter } from './controls.ts';
import { toBeirutIso } from './dates.ts';
import { splitFrontMatter } from './front-matter.ts';
import { parseLiveUpdates } from './live.ts';
import { imageSource, validateFrontMatter } from './schema.ts';
import { normalizeSlug, slugProblem } from './slug.ts';
import { summaryFrom } from './summary.ts';
import type { Article, ArticleAuthor, LiveUpdate } from './types.ts';

/**
 * The version of what publishing stores for a content file besides the article's own fields: its search index row
 * (search/index-rows.ts), the image manifests and share card its row names. Every article's version and its file's
 * source hash include it, so bumping it when any of that changes makes the next publish read, rebuild and rewrite
 * every article instead of keeping rows made the old way. (How photos are processed has its own version,
 * MEDIA_SETTINGS_VERSION, which names new R2 objects.) 2: tags are searchable. 3: breaking news, section and
 * author lists, live coverage, corrections, and summaries without a leading copy of the headline. 4: bodies stored
 * deflated, the search index rebuilt body first and its terms counted (migrations/0009).
 */
export const PUBLISH_FORMAT = 4;

/** A content file as read from disk. `path` is relative to the project root, e.g. `content/x.md`. */
export interface SourceFile {
  path: string;
  text: string;
}

/** Measures a local image given its path under public/ (`/images/x.svg`); a string is the problem. */
export type MeasureImage = (src: string) => ImageSize | string;

export interface BuildResult {
  /** Published articles (drafts excluded), newest first. */
  articles: Article[];
  /** Every problem found; when non-empty, nothing must be published. */
  errors: ContentError[];
}

/** What a build checks articles against besides their own files. */
export interface BuildContext {
  /** The writers of content/authors/, by slug: an article naming another is an error. */
  authors?: ReadonlyMap<string, ArticleAuthor>;
  /** The publish run's time (epoch ms): a live update later than it is refused. */
  now?: number;
}

/** Validates and assembles every file. Never skips a file silently: each one is either published, a draft, or an error. */
export function buildContent(
  files: readonly SourceFile[],
  measure: MeasureImage,
  { authors = new Map(), now = Number.POSITIVE_INFINITY }: BuildContext = {},
): BuildResult {
  const errors: ContentError[] = [];
  const articles: Article[] = [];
  const slugOwner = new Map<string, string>();
  const context = { authors, now };

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    // One file's failure, whatever it is, is that file's error: the others are still checked.
    try {
      const result = buildFile(file, measure, slugOwner, context);
      if (Array.isArray(result)) errors.push(...result);
      else if (result) articles.push(result);
    } catch (error) {
      if (error instanceof BodyLimitError) {
        errors.push(new ContentError(file.path, 'body', error.message));
        continue;
      }
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      errors.push(new ContentError(file.path, 'file', `could not be processed (${reason})`));
    }
  }

  articles.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug));
  return { articles, errors };
}

/** One file: its article, null for a draft, or its errors. */
function buildFile(
  file: SourceFile,
  measure: MeasureImage,
  slugOwner: Map<string, string>,
  context: Required<BuildContext>,
): Article | ContentError[] | null {
  const fileErrors: ContentError[] = [];
  const err = (field: string, message: string) => fileErrors.push(new ContentError(file.path, field, message));

  const split = splitFrontMatter(file.text);
  if (!split.ok) return [new ContentError(file.path, 'front matter', split.message)];
  const checked = validateFrontMatter(split.data);
  if (!checked.ok) for (const e of checked.errors) err(e.field, e.message);

  const baseName = normalizeSlug(file.path.replace(/^.*\//, '').replace(/\.md$/i, ''));
  let slug = checked.ok ? checked.value.slug : null;
  if (slug === null && !('slug' in split.data && split.data.slug != null)) {
    const problem = slugProblem(baseName);
    if (problem)
      err('slug', `no slug given and the file name "${baseName}" is not a valid slug: ${problem}; add a slug field`);
    else slug = baseName;
  }

  // Checked before marked runs: a body beyond the limits could overflow the stack or take seconds.
  const limit = bodyLimitProblem(split.body);
  if (limit) err('body', formatBodyLimitProblem(limit));
  const control = findControlCharacter(split.body);
  if (control) err('body', `line ${control.line}: ${controlCharacterMessage(control.name)}`);
  const body = stripBidiControls(split.body);
  const tokens = limit ? [] : lexBody(body);
  const bodyImages: Record<string, ImageSize> = {};
  walk(tokens, (token) => {
    if (token.type !== 'image') return;
    // Plain http images would be blocked as mixed content (and by the page's CSP).
    if (/^http:/i.test(token.href)) {
      err('body', `image "${token.href}": expected an https URL`);
      return;
    }
    // Other scheme URLs are the renderer's business (it drops unsafe ones); local files must exist.
    if (/^[a-z][a-z0-9+.-]*:/i.test(token.href) || token.href.startsWith('//')) return;
    const src = imageSource(token.href);
    if (src === null || typeof src === 'object') {
      err('body', `image "${token.href}": ${src ? src.problem : 'expected a path under public/ or an https URL'}`);
      return;
    }
    if (!token.href.startsWith('/')) {
      err(
        'body',
        `image "${token.href}": expected a path starting with "/" (relative paths break on article URLs), e.g. "${src}"`,
      );
      return;
    }
    const size = measure(src);
    if (typeof size === 'string') err('body', `image "${token.href}": ${size}`);
    else bodyImages[src] = size;
  });

  // Measured even when other fields are wrong, so one run reports every problem of the file.
  let leadSize: ImageSize | null = null;
  const leadSrc = imageSource(leadImageSrc(split.data));
  if (typeof leadSrc === 'string' && !/^https:/i.test(leadSrc)) {
    const size = measure(leadSrc);
    if (typeof size === 'string') err('image.src', `"${leadSrc}": ${size}`);
    else leadSize = size;
  }

  if (checked.ok && slug !== null && !checked.value.draft) {
    const owner = slugOwner.get(slug);
    if (owner) err('slug', `"${slug}" is already used by ${owner}; expected every article to have its own slug`);
    else slugOwner.set(slug, file.path);
  }

  if (fileErrors.length > 0 || !checked.ok || slug === null) return fileErrors;
  const fm = checked.value;
  if (fm.draft) return null;

  const known = [...context.authors.keys()];
  const authors = fm.authors.flatMap((slug, i) => {
    const author = context.authors.get(slug);
    if (!author) err(`authors[${i}]`, unknownAuthorMessage(slug, known));
    return author ? [{ slug: author.slug, name: author.name, role: author.role }] : [];
  });
  let liveUpdates: LiveUpdate[] = [];
  if (fm.live) {
    const parsed = parseLiveUpdates(body, fm.date, context.now);
    if (parsed.ok) liveUpdates = parsed.updates;
    else for (const problem of parsed.problems) err('body', `line ${problem.line}: ${problem.message}`);
  }
  if (fileErrors.length > 0) return fileErrors;

  const text = tokensToText(tokens);
  const firstParagraph = tokens.find((t) => t.type === 'paragraph');
  const summary = fm.summary ?? summaryFrom(firstParagraph ? tokensToText([firstParagraph]) : null, text, fm.title);
  const article: Omit<Article, 'version'> = {
    slug,
    file: file.path,
    title: fm.title,
    publishedAt: toBeirutIso(fm.date),
    // The latest of the editor's update, a live update and a correction: what dateModified says.
    updatedAt: toBeirutIso(
      Math.max(
        fm.updated ?? fm.date,
        ...liveUpdates.map((u) => Date.parse(u.time)),
        ...fm.corrections.map((c) => c.date),
      ),
    ),
    summary,
    author: fm.author ?? DEFAULT_AUTHOR,
    source: fm.source,
    image: fm.image ? { ...fm.image, width: leadSize?.width ?? null, height: leadSize?.height ?? null } : null,
    tags: fm.tags,
    top: fm.top,
    breaking: fm.breaking,
    authors,
    live: fm.live
      ? {
          start: toBeirutIso(fm.date),
          end: fm.liveEnd === null ? null : toBeirutIso(fm.liveEnd),
          lastUpdate: liveUpdates.at(-1)?.time ?? null,
        }
      : null,
    body,
    bodyImages,
    liveUpdates,
    corrections: fm.corrections.map((c) => ({ date: toBeirutIso(c.date), text: c.text })),
    readingTimeMinutes: readingMinutes(text),
  };
  return { ...article, version: hash64(`${PUBLISH_FORMAT}\n${JSON.stringify(article)}`) };
}

function leadImageSrc(data: Record<string, unknown>): unknown {
  const image = data.image;
  return typeof image === 'object' && image !== null && !Array.isArray(image)
    ? (image as { src?: unknown }).src
    : undefined;
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.type === 'list') walk(token.items, visit);
    if (token.type === 'table') {
      for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens, visit);
    }
    if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens, visit);
  }
}
