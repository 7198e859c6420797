/**
 * Node-only: the content half of a publish run, before anything is written. Reads the content folder (skipping
 * files unchanged since they were published, unless `full`), builds and validates what changed, and checks its
 * render time and media: every problem at once, or what to publish.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildContent, type MeasureImage, type SourceFile } from '../../content/build.ts';
import { ContentError } from '../../content/content-error.ts';
import type { SiteConfig } from '../../content/sections.ts';
import { unusedSectionTags } from '../../content/site-config.ts';
import type { Article, Author } from '../../content/types.ts';
import type { PublishedState } from '../plan.ts';
import { type AuthorFiles, readAuthors } from './author-files.ts';
import type { Stamps } from './file-stamps.ts';
import { knownByStamp, rowsByFile, type Selection, selectChanged, slugClashes, sourceHash } from './incremental.ts';
import { isMediaSrc, localImageFile, MEDIA_FOLDER, measureFrom } from './measure-image.ts';
import { checkImage } from './media/check.ts';
import { checkMedia, type ReadMedia } from './media-publish.ts';
import { readContentFolder, SITE_FILE } from './read-content.ts';
import { renderBudgetProblems } from './render-budget.ts';
import { readSiteFile } from './site-file.ts';

/** Where a run's content and images are: folders relative to root, or absolute. */
export interface ContentFolders {
  root: string;
  content: string;
  public: string;
}

/** How a run measures and reads the images its articles name. */
export interface ContentImages {
  measure: MeasureImage;
  readMedia: ReadMedia;
}

export function contentImages({ root, content, public: publicFolder }: ContentFolders): ContentImages {
  const publicDir = resolve(root, publicFolder);
  const mediaDir = resolve(root, content, MEDIA_FOLDER);
  return {
    measure: measureFrom(root, publicDir, mediaDir),
    // The bytes of a media-folder image the build has already found and measured.
    readMedia: (src) => {
      const file = localImageFile({ root, publicDir, mediaDir }, src);
      if (typeof file !== 'string') throw new Error(file.problem);
      return readFileSync(file);
    },
  };
}

/**
 * Every file of the content folder built and checked, as `npm run check:content` does, with site.yaml; warnings
 * (section tags no article has) do not fail the check.
 */
export async function checkAll(
  folders: ContentFolders,
  { measure, readMedia }: ContentImages,
  now: number,
): Promise<{ problems: string[]; warnings: string[]; files: SourceFile[]; articles: Article[] }> {
  const { files, problems } = readContentFolder(folders.root, folders.content);
  const site = readSiteFile(folders.root, folders.content);
  const authors = readAuthors(folders.root, folders.content, measure);
  const { articles, errors } = buildContent(files, measure, { authors: authorsBySlug(authors.authors), now });
  const used = new Set(articles.flatMap((a) => a.tags));
  return {
    files,
    articles,
    problems: [
      ...problems,
      ...(site.ok ? [] : site.problems),
      ...authors.problems,
      ...(await checkAuthorPhotos(authors.authors, readMedia)),
      ...errors.map(String),
      ...renderBudgetProblems(articles),
      ...(await checkMedia(articles, readMedia)),
    ],
    warnings: site.ok ? unusedSectionTags(site.config, used, sitePath(folders)) : [],
  };
}

/** site.yaml's path as messages name it (relative to the project root). */
const sitePath = (folders: ContentFolders) =>
  relative(folders.root, join(resolve(folders.root, folders.content), SITE_FILE)) || SITE_FILE;

/** The writers by slug, as the build checks articles' `authors` against them. */
export const authorsBySlug = (authors: readonly Author[]) => new Map(authors.map((a) => [a.slug, a]));

/** The content check of writers' media-folder photos (type by content, size), as articles' photos get. */
async function checkAuthorPhotos(authors: readonly Author[], read: ReadMedia): Promise<string[]> {
  const problems: string[] = [];
  for (const author of authors) {
    if (!author.photo || !isMediaSrc(author.photo.src)) continue;
    const checked = await checkImage(read(author.photo.src), author.photo.src.slice(1));
    if ('problem' in checked) problems.push(`${author.file}: photo: ${checked.problem}`);
  }
  return problems;
}

/** What a publish run builds: the changed articles, and what it knows of every file. */
export interface ChangedContent {
  articles: Article[];
  /** The writers of content/authors/, checked. */
  authors: Author[];
  /** content/site.yaml, validated. */
  site: SiteConfig;
  selection: Selection;
  /** Article files read, and the paths of those skipped by their stamps. */
  files: SourceFile[];
  skipped: string[];
  /** The stamp of every article file read or skipped (file-stamps.ts). */
  seen: Map<string, string>;
}

/**
 * The articles that changed since `state` was published (every one with `full`), built and checked; or every
 * problem found, in which case nothing may be written.
 */
export async function buildChanged(
  folders: ContentFolders,
  { measure, readMedia }: ContentImages,
  state: PublishedState,
  stamps: Stamps,
  {
    full,
    now,
    authors: authorFiles,
    forced,
  }: { full: boolean; now: number; authors: AuthorFiles; forced: ReadonlySet<string> },
): Promise<ChangedContent | { problems: string[] }> {
  // Files unchanged since their text was published are not read; of those read, only new and changed ones are
  // parsed, validated and rendered. `full` reads and builds everything; `forced` files are read and built too
  // (their writer's byline changed).
  const byFile = rowsByFile(state);
  const skip = knownByStamp(byFile, stamps, measure);
  const read = readContentFolder(
    folders.root,
    folders.content,
    (path, stamp) => !forced.has(path) && skip(path, stamp),
  );
  const site = readSiteFile(folders.root, folders.content);
  const { files, problems, skipped } = read;
  const selection = full
    ? {
        toBuild: files,
        kept: new Map<string, string>(),
        sourceHashes: new Map(files.map((f) => [f.path, sourceHash(f.text)])),
      }
    : selectChanged(files, skipped, byFile, measure, forced);
  const { articles, errors } = buildContent(selection.toBuild, measure, {
    authors: authorsBySlug(authorFiles.authors),
    now,
  });
  const clashes = slugClashes(
    articles,
    selection.kept,
    (file, field, message) => new ContentError(file, field, message),
  );
  const all = [
    ...problems,
    ...(site.ok ? [] : site.problems),
    ...authorFiles.problems,
    ...(await checkAuthorPhotos(authorFiles.authors, readMedia)),
    ...[...errors, ...clashes].map(String),
    // Only the built (new or changed) articles: unchanged ones passed when they were published.
    ...renderBudgetProblems(articles),
    ...(await checkMedia(articles, readMedia)),
  ];
  if (all.length > 0 || !site.ok) return { problems: all };
  return { articles, authors: authorFiles.authors, site: site.config, selection, files, skipped, seen: read.stamps };
}

/** Warnings about site.yaml once the articles are published: section tags that no article in D1 has. */
export async function unusedTagWarnings(db: D1Database, folders: ContentFolders, site: SiteConfig): Promise<string[]> {
  const tags = site.sections.flatMap((s) => s.tags);
  if (tags.length === 0) return [];
  const { results } = await db
    .prepare('SELECT DISTINCT tag FROM article_tags WHERE tag IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(tags))
    .all<{ tag: string }>();
  return unusedSectionTags(site, new Set(results.map((r) => r.tag)), sitePath(folders));
}
