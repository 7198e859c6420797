/**
 * Node-only: reads and checks the writers' files, content/authors/*.md: every author, or a `file: field: problem`
 * line for each file that cannot be one. A content folder without the folder has no authors.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { AUTHORS_FOLDER, buildAuthor, type MeasurePhoto } from '../../content/authors.ts';
import type { Author } from '../../content/types.ts';
import { decodeArticle } from './read-content.ts';

/** The writers read from a content folder, and the problems of the files that are not. */
export interface AuthorFiles {
  authors: Author[];
  problems: string[];
}

/** The writers of the content folder `dir` (relative to `root`, or absolute), checked; photos measured by `measure`. */
export function readAuthors(
  root: string,
  dir: string,
  measure: MeasurePhoto,
): { authors: Author[]; problems: string[] } {
  const folder = join(resolve(root, dir), AUTHORS_FOLDER);
  const authors: Author[] = [];
  const problems: string[] = [];
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { authors, problems };
    return {
      authors,
      problems: [`${relative(root, folder)}: folder: could not be read (${(error as Error).message})`],
    };
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(folder, name);
    const path = relative(root, full) || full;
    try {
      const stat = lstatSync(full);
      if (stat.isSymbolicLink() || !stat.isFile() || !name.toLowerCase().endsWith('.md')) {
        problems.push(
          `${path}: file: expected only markdown author files (*.md) in ${AUTHORS_FOLDER}/, not links or folders`,
        );
        continue;
      }
      const text = decodeArticle(readFileSync(full));
      if (typeof text !== 'string') {
        problems.push(`${path}: encoding: ${text.problem}`);
        continue;
      }
      const built = buildAuthor({ path, text }, measure);
      if (Array.isArray(built)) problems.push(...built.map(String));
      else authors.push(built);
    } catch (error) {
      problems.push(`${path}: file: could not be read (${(error as Error).message})`);
    }
  }
  return { authors, problems };
}
