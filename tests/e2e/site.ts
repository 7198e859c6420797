/** What the browser tests share: the site's origin, the seed article, the expected header, Chromium and report helpers. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { type Browser, chromium } from 'playwright-core';
import { SEED_TAG } from './newsroom.ts';

/** The temperature the fake upstream (setup.ts) reports, and the header line the site must show for it. */
export const FAKE_TEMPERATURE_C = 21.4;
export const TEMPERATURE_LINE = '21.4°C درجة الحرارة في بيروت';

export { SEED_ARTICLE_PATH, SEED_SLUG } from '../helpers/seed.ts';
export const SEED_TAG_PATH = `/tags/${encodeURIComponent(SEED_TAG)}`;
/**
 * The seed article's lead image: content/media/kim-putin-summit.svg, published to R2 as copies rasterized at
 * 1600 × 900 (its 16:9 drawing); every file of it is served under `/media/img/<hash>/`.
 */
export const LEAD_IMAGE = {
  pattern: /^\/media\/img\/[0-9a-f]{16}\/\d+\.(?:avif|webp|jpg)$/,
  width: 1600,
  height: 900,
} as const;

/**
 * The LCP image of the pages that have one, the only `<img>` fetched eagerly: the front page's lead story's photo,
 * a section's first story's photo, an article's lead photo.
 */
export const LEAD_SELECTORS = {
  front: '.front > article.lead img',
  section: '.hero > article.lead img',
  article: 'article.story > figure img',
} as const;

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** No sandbox (containers), no GPU, and no traffic of Chromium's own: the machine is offline. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const RESULTS_DIR = resolve(fileURLToPath(new URL('../../test-results', import.meta.url)));
export const SCREENSHOTS_DIR = join(RESULTS_DIR, 'screenshots');

export function resultsPath(...parts: string[]): string {
  const path = join(RESULTS_DIR, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  return path;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Collapses runs of whitespace, as a reader sees the text. */
export const normalizeSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** axe violations as readable lines: rule id, impact, help, then each node's target and failure summary. */
export function formatViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`,
        ...v.nodes.map(
          (n) =>
            `    at ${JSON.stringify(n.target)}: ${normalizeSpace(n.failureSummary ?? '')}\n       ${n.html.slice(0, 200)}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}
