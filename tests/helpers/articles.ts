/** Builds test articles from markdown text with the real content pipeline. */
import { type BuildContext, buildContent } from '../../src/content/build.ts';
import type { Article } from '../../src/content/types.ts';
import type { ImageSize } from '../../src/media/types.ts';

/** Sizes of the files under public/ these tests use; any other local image is missing. */
export const measureTestImage = (src: string): ImageSize | string =>
  ({
    '/images/kim-putin-summit.svg': { width: 1200, height: 675 },
    '/images/test-photo.jpg': { width: 800, height: 600 },
  })[src] ?? `file not found: expected public${src} to exist`;

/** Runs files (path → text) through buildContent; errors as the strings an editor reads. */
export function build(
  files: Record<string, string>,
  context: BuildContext = {},
): { articles: Article[]; errors: string[] } {
  const result = buildContent(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    measureTestImage,
    context,
  );
  return { articles: result.articles, errors: result.errors.map(String) };
}

/** Builds exactly one valid article, failing loudly if the fixture itself is invalid. */
export function article(path: string, text: string, context: BuildContext = {}): Article {
  const { articles, errors } = build({ [path]: text }, context);
  if (errors.length > 0 || articles.length !== 1) throw new Error(`fixture ${path} is invalid: ${errors.join('; ')}`);
  return articles[0] as Article;
}
