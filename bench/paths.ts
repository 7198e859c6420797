/** Where the benchmark reads and writes. Everything it creates lives under bench/results/ (git-ignored). */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = join(ROOT, 'bench/results');
/** Scratch space: generated wrangler configs, bundles, profiles, synthetic content. Wiped at the start of a run. */
export const TMP_DIR = join(RESULTS_DIR, '.tmp');
/** The module the content build writes and the Worker imports. */
export const CONTENT_MODULE = join(ROOT, 'src/generated/content.js');

/** The seed article from content/. */
export const SEED_SLUG = 'قمة-كيم-بوتين';
export const articleUrlPath = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
