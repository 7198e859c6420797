/**
 * Proves at publish time that an article renders within budget (Node only: it reads the process's CPU time).
 * The body is lexed and rendered as HTML and as AMP, exactly as the Worker does on a cache miss.
 */
import type { Article } from '../../content/types.ts';
import { BodyLimitError } from '../../markdown/limits.ts';
import { lexBody, renderTokens } from '../../markdown/render.ts';
import { EXTENSIONS, variantKey } from '../../media/keys.ts';
import type { ImageSize, ImageVariant, MediaImage } from '../../media/types.ts';
import { isMediaSrc } from './measure-image.ts';
import { variantWidths } from './media/widths.ts';

/**
 * Most CPU time, in milliseconds, that lexing an article's body and rendering its HTML and AMP bodies may take
 * in Node. CPU time, not wall time, like the Worker's own limit: a busy publishing machine does not fail
 * ordinary articles, even long ones with tables and lists, which take a small fraction of it; a body made to
 * burn CPU does not.
 */
const RENDER_BUDGET_MS = 50;

/** How many times a slow render is timed before it counts: the first run also pays for compiling the code. */
const ATTEMPTS = 5;

/** The fastest of up to five timed renders, stopping as soon as one is within budget. */
export interface RenderTiming {
  /** CPU milliseconds (user and system) of the fastest attempt. */
  ms: number;
  /** The error that stopped the render, if any. */
  problem: string | null;
}

/**
 * The body images as the Worker will see them: the check runs before the photos are processed, so each
 * media-folder image not yet published gets a stand-in manifest with the variants the publisher will make for it
 * (variantWidths), and the timing covers the `<picture>` markup a published body photo renders as.
 */
export function withPlannedMedia(images: Record<string, ImageSize>): Record<string, ImageSize> {
  const planned = (size: ImageSize): MediaImage => {
    const hash = '0'.repeat(16);
    const variants: ImageVariant[] = (['image/avif', 'image/webp', 'image/jpeg'] as const).flatMap((contentType) =>
      variantWidths(size.width).map((width) => {
        const key = variantKey(hash, width, EXTENSIONS[contentType]);
        return { key, width, height: size.height, contentType, bytes: 0 };
      }),
    );
    return { v: 1, hash, width: size.width, height: size.height, variants, fallback: variants.at(-1) as ImageVariant };
  };
  return Object.fromEntries(
    Object.entries(images).map(([src, size]) => [
      src,
      isMediaSrc(src) && !size.media ? { ...size, media: planned(size) } : size,
    ]),
  );
}

/** Lexes and renders the body (HTML, then AMP) and returns the fastest time, or why it could not render. */
export function timeRender(article: Pick<Article, 'body' | 'bodyImages'>, budgetMs = RENDER_BUDGET_MS): RenderTiming {
  const images = withPlannedMedia(article.bodyImages);
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < ATTEMPTS && best > budgetMs; attempt++) {
    const started = threadCpu();
    try {
      const tokens = lexBody(article.body);
      renderTokens(tokens, 'html', images);
      renderTokens(tokens, 'amp', images);
    } catch (error) {
      const problem =
        error instanceof BodyLimitError
          ? error.message
          : `could not be rendered (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
      return { ms: cpuMs(started), problem };
    }
    best = Math.min(best, cpuMs(started));
  }
  return { ms: best, problem: null };
}

/**
 * CPU time of this thread only (Node >= 22.19), so V8's background compiler and garbage collector threads do not
 * count against the article; the whole process's on older Node.
 */
const threadCpu: (since?: NodeJS.CpuUsage) => NodeJS.CpuUsage = process.threadCpuUsage ?? process.cpuUsage;

function cpuMs(since: NodeJS.CpuUsage): number {
  const { user, system } = threadCpu(since);
  return (user + system) / 1000;
}

/**
 * `file: body: …` lines for every article that fails to render or renders slower than the budget, so the
 * publisher refuses it before it reaches a reader.
 */
export function renderBudgetProblems(
  articles: readonly Pick<Article, 'file' | 'body' | 'bodyImages'>[],
  budgetMs = RENDER_BUDGET_MS,
): string[] {
  const problems: string[] = [];
  for (const article of articles) {
    const { ms, problem } = timeRender(article, budgetMs);
    if (problem) problems.push(`${article.file}: body: ${problem}`);
    else if (ms > budgetMs) {
      problems.push(
        `${article.file}: body: takes ${Math.round(ms)} ms of CPU to render as HTML and AMP; expected at most ${budgetMs} ms: shorten it or simplify its nesting and emphasis`,
      );
    }
  }
  return problems;
}
