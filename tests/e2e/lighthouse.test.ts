/**
 * Lighthouse 12 with Debian Chromium, default mobile settings (Moto G Power screen, simulated slow 4G and 4× CPU
 * slowdown), on the demo newsroom's front page, a section, an article with a photo, a writer's page, the live
 * coverage, a tag and page 2 of the archive: performance, accessibility, best practices and SEO must each score at
 * least 95. Writes each report to test-results/lighthouse-<page>.{json,html}.
 */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { type LaunchedChrome, launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUTHOR_PATH, LIVE_PATH, SECTION_PATH } from './newsroom.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, resultsPath, SEED_ARTICLE_PATH, SEED_TAG_PATH } from './site.ts';

const baseUrl = inject('baseUrl');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_SCORE = 95;

let chrome: LaunchedChrome;
/** One line per audited page, printed together at the end. */
const summary: string[] = [];

beforeAll(async () => {
  chrome = await launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
});

afterAll(async () => {
  if (summary.length > 0) {
    const head = `${'page'.padEnd(16)}${CATEGORIES.map((id) => id.padStart(16)).join('')}`;
    console.log(`Lighthouse ${MIN_SCORE}+ mobile scores:\n  ${head}\n  ${summary.join('\n  ')}`);
  }
  if (!chrome) return;
  const exited = chrome.process.exitCode === null ? once(chrome.process, 'exit') : Promise.resolve();
  chrome.kill();
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5_000))]);
});

/** Audits of a category that count toward its score and did not pass fully. */
function failingAudits(lhr: Result, category: string): string[] {
  const ref = lhr.categories[category];
  if (!ref) return [`no category ${category}`];
  return ref.auditRefs
    .map((r) => ({ weight: r.weight, audit: lhr.audits[r.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .map(
      ({ weight, audit }) =>
        `${audit?.id} (weight ${weight}, score ${audit?.score}): ${audit?.title}${audit?.displayValue ? ` — ${audit.displayValue}` : ''}`,
    );
}

const AUDITED = [
  { name: 'front', path: '/' },
  { name: 'section', path: SECTION_PATH },
  { name: 'article', path: SEED_ARTICLE_PATH },
  { name: 'author', path: AUTHOR_PATH },
  { name: 'live', path: LIVE_PATH },
  { name: 'tag', path: SEED_TAG_PATH },
  { name: 'archive-page-2', path: '/page/2' },
] as const;

describe.each(AUDITED)('Lighthouse, mobile defaults, $name page', ({ name, path }) => {
  it(`scores at least ${MIN_SCORE} in ${CATEGORIES.join(', ')}`, async () => {
    const url = `${baseUrl}${path}`;
    const started = Date.now();
    const result = await lighthouse(url, {
      port: chrome.port,
      output: ['json', 'html'],
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    expect(result, 'Lighthouse returned a result').toBeDefined();
    if (!result) return;
    const { lhr, report } = result;
    const [json, html] = Array.isArray(report) ? report : [report, ''];
    writeFileSync(resultsPath(`lighthouse-${name}.json`), json ?? JSON.stringify(lhr));
    if (html) writeFileSync(resultsPath(`lighthouse-${name}.html`), html);

    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    ) as Record<(typeof CATEGORIES)[number], number>;
    summary.push(`${name.padEnd(16)}${CATEGORIES.map((id) => String(scores[id]).padStart(16)).join('')}`);
    const lines = [
      `Lighthouse ${lhr.lighthouseVersion} on ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '?'}, ` +
        `${lhr.configSettings.formFactor}, throttling ${lhr.configSettings.throttlingMethod}, ` +
        `${Math.round((Date.now() - started) / 1000)} s: ${url}`,
      ...CATEGORIES.map((id) => `  ${id.padEnd(15)} ${scores[id]}`),
    ];
    for (const id of CATEGORIES) {
      if (scores[id] < 100) lines.push(`  ${id} below 100:`, ...failingAudits(lhr, id).map((l) => `    ${l}`));
    }
    const broken = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error');
    if (broken.length > 0) {
      lines.push('  audits that could not run:', ...broken.map((a) => `    ${a.id}: ${a.errorMessage ?? a.title}`));
    }
    if (lhr.runWarnings.length > 0) lines.push('  run warnings:', ...lhr.runWarnings.map((w) => `    ${w}`));
    console.log(lines.join('\n'));

    expect(lhr.runtimeError, JSON.stringify(lhr.runtimeError)).toBeUndefined();
    for (const id of CATEGORIES) {
      expect.soft(scores[id], `${id}: ${failingAudits(lhr, id).join('; ')}`).toBeGreaterThanOrEqual(MIN_SCORE);
    }
  }, 240_000);
});
