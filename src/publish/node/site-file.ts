/**
 * Node-only: reads content/site.yaml (the sections) for the content check and the publish step. A content folder
 * without one has no sections; a file that cannot be read or is invalid is a list of `file: field: problem` lines.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { SiteConfig } from '../../content/sections.ts';
import { parseSiteConfig } from '../../content/site-config.ts';
import { decodeArticle, SITE_FILE } from './read-content.ts';

/** The site config of the content folder `dir` (relative to `root`, or absolute). */
export function readSiteFile(
  root: string,
  dir: string,
): { ok: true; config: SiteConfig } | { ok: false; problems: string[] } {
  const full = join(resolve(root, dir), SITE_FILE);
  const path = relative(root, full) || full;
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, config: { sections: [] } };
    return { ok: false, problems: [`${path}: file: could not be read (${(error as Error).message})`] };
  }
  const text = decodeArticle(bytes);
  if (typeof text !== 'string') return { ok: false, problems: [`${path}: encoding: ${text.problem}`] };
  const parsed = parseSiteConfig(text, path);
  return parsed.ok ? parsed : { ok: false, problems: parsed.errors.map(String) };
}
