/**
 * Node-only: which content files the publish step must build. A file whose text hashes as when it was published,
 * and whose local images still measure the same, is kept as it is in D1 without parsing or rendering it again:
 * publishing one edit into a 100,000-article archive builds one article, not all of them. A file whose stamp
 * shows it unchanged since its text had the hash D1 holds is not even read (file-stamps.ts).
 */
import { type MeasureImage, PUBLISH_FORMAT, type SourceFile } from '../../content/build.ts';
import type { ContentError } from '../../content/content-error.ts';
import type { Article } from '../../content/types.ts';
import { hash64 } from '../../lib/hash.ts';
import type { PublishedRow, PublishedState } from '../plan.ts';
import type { Stamps } from './file-stamps.ts';
import type { SkipFile } from './read-content.ts';

export interface Selection {
  /** Files to build and validate (new, changed, or whose images changed). */
  toBuild: SourceFile[];
  /** Slugs of published articles whose file is unchanged, by slug: their file. */
  kept: Map<string, string>;
  /** Hash of every file's text, by path. */
  sourceHashes: Map<string, string>;
}

/**
 * Hash of a source file's text as published under PUBLISH_FORMAT, as stored in articles.source_hash: a file
 * published under another format never counts as unchanged.
 */
export const sourceHash = (text: string) => hash64(`${PUBLISH_FORMAT}\n${text}`);

function imagesUnchanged(row: PublishedRow, measure: MeasureImage): boolean {
  return Object.entries(row.images).every(([src, size]) => {
    const now = measure(src);
    if (typeof now === 'string' || now.width !== size.width || now.height !== size.height) return false;
    // Media-folder images are also compared by content: a replaced photo of the same size is a change.
    return size.hash === undefined || now.hash === size.hash;
  });
}

/** Published rows by the file they came from. */
export function rowsByFile(state: PublishedState): Map<string, PublishedRow> {
  const byFile = new Map<string, PublishedRow>();
  for (const row of state.rows.values()) byFile.set(row.file, row);
  return byFile;
}

/**
 * For readContentFolder: skip a file whose stamp is the one saved with the hash D1 holds for that file, when its
 * images also measure as published. Such a file is kept by selectChanged without being read.
 */
export function knownByStamp(
  byFile: ReadonlyMap<string, PublishedRow>,
  stamps: Stamps,
  measure: MeasureImage,
): SkipFile {
  return (path, stamp) => {
    const saved = stamps.get(path);
    const row = byFile.get(path);
    return saved?.stamp === stamp && row?.sourceHash === saved.hash && imagesUnchanged(row, measure);
  };
}

/**
 * Splits content files into those to build and those D1 already holds as they are; `skipped` are paths
 * {@link knownByStamp} accepted without reading them.
 */
export function selectChanged(
  files: readonly SourceFile[],
  skipped: readonly string[],
  byFile: ReadonlyMap<string, PublishedRow>,
  measure: MeasureImage,
  /** Files to build even when unchanged (their writer's byline changed). */
  forced: ReadonlySet<string> = new Set(),
): Selection {
  const selection: Selection = { toBuild: [], kept: new Map(), sourceHashes: new Map() };
  for (const path of skipped) {
    const row = byFile.get(path);
    if (!row) throw new Error(`${path}: skipped by its stamp, but D1 holds no article from it`);
    selection.kept.set(row.slug, path);
    selection.sourceHashes.set(path, row.sourceHash);
  }
  for (const file of files) {
    const hash = sourceHash(file.text);
    selection.sourceHashes.set(file.path, hash);
    const row = byFile.get(file.path);
    if (row && row.sourceHash === hash && !forced.has(file.path) && imagesUnchanged(row, measure)) {
      selection.kept.set(row.slug, file.path);
    } else selection.toBuild.push(file);
  }
  return selection;
}

/** Slugs of built articles that a kept (unbuilt) file already uses: the duplicate-slug check across both sets. */
export function slugClashes(
  built: readonly Article[],
  kept: ReadonlyMap<string, string>,
  makeError: (file: string, field: string, message: string) => ContentError,
): ContentError[] {
  return built
    .filter((article) => kept.has(article.slug) && kept.get(article.slug) !== article.file)
    .map((article) =>
      makeError(
        article.file,
        'slug',
        `"${article.slug}" is already used by ${kept.get(article.slug)}; expected every article to have its own slug`,
      ),
    );
}
