/**
 * Node-only: reads the content folder for the content check and the publish step. Every file is either an article
 * file or a problem naming it; only OS litter is ignored.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SourceFile } from '../../content/build.ts';

/** Files tools leave behind that are nobody's article. Any other file is either an article or an error. */
const IGNORED = new Set(['.DS_Store', '.gitkeep', 'Thumbs.db']);

/** Reads every file of `dir` (relative to `root`); paths in the result are relative to `root`. */
export function readContentFolder(root: string, dir: string): { files: SourceFile[]; problems: string[] } {
  const contentDir = resolve(root, dir);
  const files: SourceFile[] = [];
  const problems: string[] = [];
  if (!existsSync(contentDir)) return { files, problems: [`${dir}: folder not found`] };
  for (const name of readdirSync(contentDir).sort()) {
    if (IGNORED.has(name)) continue;
    const full = join(contentDir, name);
    const path = relative(root, full) || name;
    if (!name.toLowerCase().endsWith('.md') || !statSync(full).isFile()) {
      problems.push(`${path}: file: expected only markdown article files (*.md) in ${dir}/`);
      continue;
    }
    if (name.startsWith('.')) {
      problems.push(
        `${path}: file: hidden article file; expected a name without a leading dot (use draft: true to hold an article back)`,
      );
      continue;
    }
    files.push({ path, text: readFileSync(full, 'utf8') });
  }
  return { files, problems };
}
