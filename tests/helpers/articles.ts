/** Builds test articles from markdown text with the real content pipeline. */
import { buildContent, type ContentError, type SourceFile } from '../../src/content/build.ts';
import type { Article, ImageSize } from '../../src/content/types.ts';

/** Sizes of the files that exist under public/ for these tests. */
const PUBLIC_IMAGES: Record<string, ImageSize> = {
  '/images/kim-putin-summit.svg': { width: 1200, height: 675 },
  '/images/test-photo.jpg': { width: 800, height: 600 },
};

export function measureTestImage(src: string): ImageSize | string {
  return PUBLIC_IMAGES[src] ?? `file not found: expected public${src} to exist`;
}

/** Runs files through buildContent; returns articles and error strings. */
export function build(files: Record<string, string>): { articles: Article[]; errors: string[]; raw: ContentError[] } {
  const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  const result = buildContent(sources, measureTestImage);
  return { articles: result.articles, errors: result.errors.map(String), raw: result.errors };
}

/** Builds exactly one valid article, failing loudly if the fixture itself is invalid. */
export function article(path: string, text: string): Article {
  const { articles, errors } = build({ [path]: text });
  if (errors.length > 0 || articles.length !== 1) throw new Error(`fixture ${path} is invalid: ${errors.join('; ')}`);
  return articles[0] as Article;
}
