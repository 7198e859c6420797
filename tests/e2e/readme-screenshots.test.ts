/**
 * `UPDATE_README_SCREENSHOTS=1 npm run test:e2e` redraws the README's pictures of the demo newsroom's front page:
 * docs/screenshots/front-phone.png (390 px wide, drawn at 2×) and front-desktop.png (1280 px), light mode, the top
 * of the page, as 256-colour PNGs so each stays well under 400 KB. Skipped otherwise: the page shows the day's date
 * and times, so every run would change the files.
 */
import { statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scrollThrough } from './measure.ts';
import { launchChromium } from './site.ts';

const baseUrl = inject('baseUrl');
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCREENSHOTS = join(ROOT, 'docs/screenshots');
const MAX_BYTES = 400_000;

const SHOTS = [
  { file: 'front-phone.png', viewport: { width: 390, height: 844 }, scale: 2, mobile: true, maxHeight: 1_700 },
  { file: 'front-desktop.png', viewport: { width: 1280, height: 800 }, scale: 1, mobile: false, maxHeight: 2_400 },
] as const;

describe.runIf(process.env.UPDATE_README_SCREENSHOTS === '1')('README screenshots of the front page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(SHOTS)('draws docs/screenshots/$file', async (shot) => {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      isMobile: shot.mobile,
      hasTouch: shot.mobile,
      locale: 'ar-LB',
      colorScheme: 'light',
    });
    try {
      await context.route(
        (url) => url.origin !== baseUrl,
        (route) => route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
      await scrollThrough(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const png = await page.screenshot({
        fullPage: true,
        clip: { x: 0, y: 0, width: shot.viewport.width, height: Math.min(height, shot.maxHeight) },
      });
      const path = join(SCREENSHOTS, shot.file);
      await sharp(png).png({ palette: true, colours: 256, effort: 10, compressionLevel: 9 }).toFile(path);
      const { size } = statSync(path);
      console.log(`[readme] ${relative(ROOT, path)}: ${Math.round(size / 1024)} KB`);
      expect(size, `${shot.file} stays small enough for the README`).toBeLessThan(MAX_BYTES);
    } finally {
      await context.close();
    }
  });
});
