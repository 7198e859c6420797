/**
 * Node-only: the content half of a publish run, before anything is written. Reads the content folder (skipping
 * files unchanged since they were published, unless `full`), builds and validates what changed, and checks its
 * render time and media: every problem at once, or what to publish.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildContent, ContentError, type MeasureImage, type SourceFile } from '../../content/build.ts';
import type { Article } from '../../content/types.ts';
import type { PublishedState } from '../plan.ts';
import type { Stamps } from './file-stamps.ts';
import { knownByStamp, rowsByFile, type Selection, selectChanged, slugClashes, sourceHash } from './incremental.ts';
import { localImageFile, MEDIA_FOLDER, measureFrom } from './measure-image.ts';
import { checkMedia, type ReadMedia } from './media-publish.ts';
import { readContentFolder } from './read-content.ts';
import { renderBudgetProblems } from './render-budget.ts';

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

/** Every file of the content folder built and checked, as `npm run check:content` does. */
export async function checkAll(
  folders: ContentFolders,
  { measure, readMedia }: ContentImages,
): Promise<{ problems: string[]; files: SourceFile[]; articles: Article[] }> {
  const { files, problems } = readContentFolder(folders.root, folders.content);
  const { articles, errors } = buildContent(files, measure);
  return {
    files,
    articles,
    problems: [
      ...problems,
      ...errors.map(String),
      ...renderBudgetProblems(articles),
      ...(await checkMedia(articles, readMedia)),
    ],
  };
}

/** What a publish run builds: the changed articles, and what it knows of every file. */
export interface ChangedContent {
  articles: Article[];
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
  full: boolean,
): Promise<ChangedContent | { problems: string[] }> {
  // Files unchanged since their text was published are not read; of those read, only new and changed ones are
  // parsed, validated and rendered. `full` reads and builds everything.
  const byFile = rowsByFile(state);
  const read = readContentFolder(folders.root, folders.content, knownByStamp(byFile, stamps, measure));
  const { files, problems, skipped } = read;
  const selection = full
    ? {
        toBuild: files,
        kept: new Map<string, string>(),
        sourceHashes: new Map(files.map((f) => [f.path, sourceHash(f.text)])),
      }
    : selectChanged(files, skipped, byFile, measure);
  const { articles, errors } = buildContent(selection.toBuild, measure);
  const clashes = slugClashes(
    articles,
    selection.kept,
    (file, field, message) => new ContentError(file, field, message),
  );
  const all = [
    ...problems,
    ...[...errors, ...clashes].map(String),
    // Only the built (new or changed) articles: unchanged ones passed when they were published.
    ...renderBudgetProblems(articles),
    ...(await checkMedia(articles, readMedia)),
  ];
  if (all.length > 0) return { problems: all };
  return { articles, selection, files, skipped, seen: read.stamps };
}
