/// <reference types="node" />
/**
 * Looks at the pages: renders the fixture day (fixtures.ts) with the real views, serves the HTML with generated
 * photo variants (/media/img/<hash>/<w>.<ext>, as R2 would), and in Chromium at 390 and 1280 px, light and dark:
 * takes full-page screenshots, checks that nothing overflows sideways, that only the lead image is eager (with
 * fetchpriority=high), that nothing shifts (CLS), and runs axe-core. Screenshots stay in a temp folder.
 *
 *   node --experimental-strip-types --no-warnings tests/visual/preview.ts [--out DIR] [--only front,article]
 *
 * Exits non-zero when a check fails.
 */
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import axe from 'axe-core';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { VARIANT_WIDTHS } from '../../src/media/keys.ts';
import { ARTICLES, PHOTO, photoHash } from './fixtures.ts';

const { values: args } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'al-ayyam-preview') },
    only: { type: 'string' },
    shots: { type: 'string', default: '/tmp/design-shots' },
  },
});
const OUT = args.out as string;
const SHOTS = join(OUT, 'shots');

/** Renders the pages by bundling pages.tsx (JSX needs compiling) and importing the bundle. */
async function renderPages(): Promise<Record<string, string>> {
  const outfile = join(OUT, 'pages.mjs');
  await build({
    entryPoints: [new URL('./pages.tsx', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  const mod = (await import(`${pathToFileURL(outfile).href}?${Date.now()}`)) as {
    renderPages: () => Record<string, string>;
  };
  return mod.renderPages();
}

/** A photo-like scene (sky, hills, buildings, sun, grain) whose colours vary with `n`. */
function scene(n: number, width: number, height: number): string {
  const hue = (n * 47) % 360;
  const r = (k: number) => (Math.sin(n * 12.9898 + k * 78.233) * 43758.5453) % 1;
  const rnd = (k: number) => Math.abs(r(k));
  const buildings = Array.from({ length: 14 }, (_, i) => {
    const w = 60 + rnd(i) * 120;
    const h = 120 + rnd(i + 30) * 380;
    const x = (i / 14) * width + rnd(i + 60) * 40;
    return `<rect x="${x}" y="${height * 0.72 - h}" width="${w}" height="${h}" fill="hsl(${(hue + 200) % 360},${15 + rnd(i) * 20}%,${20 + rnd(i + 9) * 35}%)"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},55%,45%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},70%,82%)"/></linearGradient>
<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${(hue + 90) % 360},35%,35%)"/><stop offset="1" stop-color="hsl(${(hue + 120) % 360},30%,18%)"/></linearGradient>
<filter id="n"><feTurbulence type="fractalNoise" baseFrequency=".9" numOctaves="2" seed="${n}"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="table" tableValues="0 .18"/></feComponentTransfer><feBlend in2="SourceGraphic" mode="multiply"/></filter></defs>
<g filter="url(#n)"><rect width="100%" height="100%" fill="url(#s)"/>
<circle cx="${width * (0.2 + rnd(1) * 0.6)}" cy="${height * 0.25}" r="${height * 0.09}" fill="hsl(${(hue + 30) % 360},90%,88%)"/>
${buildings}
<path d="M0 ${height * 0.7} Q ${width * 0.3} ${height * 0.55} ${width * 0.55} ${height * 0.72} T ${width} ${height * 0.66} V ${height} H 0 Z" fill="url(#g)"/>
<ellipse cx="${width * (0.3 + rnd(5) * 0.4)}" cy="${height * 0.86}" rx="${width * 0.07}" ry="${height * 0.12}" fill="hsl(${(hue + 180) % 360},40%,25%)"/></g></svg>`;
}

async function exists(path: string) {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Every fixture photo's variants, made once and kept between runs. */
async function makeImages() {
  const photos = ARTICLES.flatMap((a, i) => (a.article.image?.media ? [i + 1] : []));
  await Promise.all(
    photos.map(async (n) => {
      const dir = join(OUT, 'media/img', photoHash(n));
      if (await exists(join(dir, '1600.avif'))) return;
      await mkdir(dir, { recursive: true });
      const source = await sharp(Buffer.from(scene(n, PHOTO.width, PHOTO.height)))
        .png()
        .toBuffer();
      for (const width of VARIANT_WIDTHS) {
        const resized = sharp(source).resize(width);
        await resized
          .clone()
          .jpeg({ quality: 78, mozjpeg: true })
          .toFile(join(dir, `${width}.jpg`));
        await resized
          .clone()
          .webp({ quality: 75 })
          .toFile(join(dir, `${width}.webp`));
        await resized
          .clone()
          .avif({ quality: 50, effort: 2 })
          .toFile(join(dir, `${width}.avif`));
      }
    }),
  );
  await copyFile(new URL('../../public/favicon.svg', import.meta.url), join(OUT, 'favicon.svg'));
  const remote = join(OUT, 'images/remote-photo.jpg');
  if (!(await exists(remote))) {
    await mkdir(join(OUT, 'images'), { recursive: true });
    await sharp(Buffer.from(scene(99, 1000, 700)))
      .jpeg({ quality: 78 })
      .toFile(remote);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
};

function serve(): Promise<{ url: string; close: () => void }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(OUT, path.replace(/^\/media\//, 'media/').replace(/\.\./g, ''));
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

interface Check {
  page: string;
  width: number;
  scheme: 'light' | 'dark';
  overflow: boolean;
  cls: number;
  images: { eagerHigh: number; eagerOther: string[]; missingSize: string[]; broken: string[] };
  axe: string[];
  shot: string;
}

// In-page scripts, as source text: this file is type-checked without the DOM library.

/** Scrolls down half a screen at a time, waits for every image, and scrolls back up. */
const SCROLL_THROUGH = `(async () => {
  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
    scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 60));
  }
  await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  scrollTo(0, 0);
})()`;

/** Overflow, CLS so far, and how each image loads. */
const MEASURE = `(() => {
  const imgs = [...document.images];
  const label = (i) => i.currentSrc.split('/').slice(-2).join('/') || i.src;
  const high = (i) => i.getAttribute('fetchpriority') === 'high';
  return {
    overflow: document.documentElement.scrollWidth > innerWidth,
    cls: window.__cls,
    images: {
      eagerHigh: imgs.filter((i) => high(i) && i.loading !== 'lazy').length,
      eagerOther: imgs.filter((i) => !high(i) && i.loading !== 'lazy').map(label),
      missingSize: imgs.filter((i) => !i.getAttribute('width') || !i.getAttribute('height')).map(label),
      broken: imgs.filter((i) => !i.complete || i.naturalWidth === 0).map(label),
    },
  };
})()`;

/** axe-core's violations, one line each. */
const RUN_AXE = `axe.run(document).then((r) => r.violations.map(
  (v) => v.id + ': ' + v.help + ' (' + v.nodes.map((n) => n.target.join(' ')).join(', ') + ')'))`;

/** Collects layout shifts from the first paint on. */
const CLS_OBSERVER = `window.__cls=0;new PerformanceObserver(l=>{for(const e of l.getEntries())if(!e.hadRecentInput)window.__cls+=e.value}).observe({type:'layout-shift',buffered:true});`;

async function main() {
  await mkdir(SHOTS, { recursive: true });
  const pages = await renderPages();
  const names = Object.keys(pages).filter((n) => !args.only || args.only.split(',').some((o) => n.startsWith(o)));
  for (const [name, html] of Object.entries(pages)) await writeFile(join(OUT, name), html);
  await makeImages();
  const { url, close } = await serve();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  const checks: Check[] = [];
  try {
    for (const name of names) {
      for (const width of [390, 1280]) {
        for (const scheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({
            viewport: { width, height: width < 600 ? 844 : 800 },
            colorScheme: scheme,
            deviceScaleFactor: 1,
          });
          const page = await context.newPage();
          await page.addInitScript(CLS_OBSERVER);
          await page.goto(`${url}/${name}`, { waitUntil: 'load' });
          // Scroll through so lazy images load (and any shift they cause is counted), then back to the top.
          await page.evaluate(SCROLL_THROUGH);
          await page.waitForTimeout(200);
          const measured = (await page.evaluate(MEASURE)) as Omit<Check, 'page' | 'width' | 'scheme' | 'axe' | 'shot'>;
          await page.addScriptTag({ content: axe.source });
          const violations = (await page.evaluate(RUN_AXE)) as string[];
          const shot = join(SHOTS, `${name.replace('.html', '')}-${width}-${scheme}.png`);
          await page.screenshot({ path: shot, fullPage: true });
          checks.push({ page: name, width, scheme, ...measured, axe: violations, shot });
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    close();
  }

  let failed = false;
  for (const c of checks) {
    const problems = [
      c.overflow ? 'horizontal overflow' : '',
      c.cls > 0 ? `CLS ${c.cls.toFixed(4)}` : '',
      c.images.eagerHigh > 1 ? `${c.images.eagerHigh} high-priority images` : '',
      c.images.eagerOther.length ? `eager: ${c.images.eagerOther.join(' ')}` : '',
      c.images.broken.length ? `broken: ${c.images.broken.join(' ')}` : '',
      c.images.missingSize.length ? `no width/height: ${c.images.missingSize.join(' ')}` : '',
      ...c.axe,
    ].filter(Boolean);
    failed ||= problems.length > 0;
    console.log(
      `${problems.length ? '✗' : '✓'} ${c.page} ${c.width} ${c.scheme}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`,
    );
  }
  const sizes = Object.entries(pages).map(([n, h]) => `${n} ${new TextEncoder().encode(h).length} B`);
  console.log(`HTML: ${sizes.join(', ')}\nscreenshots: ${SHOTS}`);
  await writeFile(join(OUT, 'report.json'), JSON.stringify(checks, null, 2));

  // The ones the design review looks at.
  await mkdir(args.shots as string, { recursive: true });
  for (const shot of ['author-390-light', 'live-1280-light', 'live-390-dark']) {
    const from = join(SHOTS, `${shot}.png`);
    if (await exists(from)) await copyFile(from, join(args.shots as string, `${shot}.png`));
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
