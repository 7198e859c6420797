/**
 * The pages of the demo newsroom (newsroom.ts) in a real browser (Debian Chromium), at phone width (390) and desktop
 * width (1280): the front page, a section, an article with a photo, its AMP page, a writer's page, a live coverage,
 * a tag, page 2 of the archive and the 404 page. On each: right-to-left layout, the live temperature in the header,
 * no sideways scrolling, the LCP image (the front page's and the section's lead photo, the article's photo) fetched
 * eagerly with `fetchpriority="high"` and every other image lazy with its width and height, no layout shift (CLS 0,
 * from the browser's own layout-shift entries, while the page loads and while lazy images come in as it is scrolled
 * through), a visible skip link on the first Tab, and no axe-core violations. Writes a screenshot of each page and
 * width, light and dark, to test-results/screenshots/. First, that the newsroom shows what it was made to show: the
 * front page's lead, top stories, section blocks, breaking bar and live badge, the live updates, the corrections box,
 * the writer's articles.
 *
 * AMP: the AMP runtime comes from cdn.ampproject.org, which this machine cannot reach, and the AMP boilerplate hides
 * the body until the runtime starts or 8 s pass. With JavaScript on and the runtime missing, the page ends up in a
 * state no reader sees: `amp-img` stays an empty, zero-size element and `<noscript>` fallbacks are not rendered,
 * so a layout check there would test the harness, not the page. So the AMP layout checks run with JavaScript off:
 * the browser then applies the page's own `<noscript>` boilerplate (body shown at once) and renders its
 * `<noscript>` fallbacks, which is exactly what readers without JavaScript get, and everything measured comes from the
 * page's own HTML and CSS. axe-core cannot run without JavaScript (it needs timers), so for AMP it runs with
 * JavaScript on, the runtime blocked, after the boilerplate's 8 s fallback has shown the body (which the test also
 * checks: an AMP page must become readable when the runtime cannot load). What only the runtime can do (lay out
 * `amp-img` from its width, height and layout) is checked through the attributes it reads.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type ImageFacts,
  measureOverflow,
  type PaintFacts,
  readImages,
  readPaint,
  scrollThrough,
  waitForImages,
} from './measure.ts';
import {
  AUTHOR_ARTICLES,
  AUTHOR_PATH,
  BREAKING_SLUG,
  CORRECTED_SLUG,
  LEAD_SLUG,
  LIVE_PATH,
  LIVE_UPDATES,
  SECTION_PATH,
  sectionPaths,
} from './newsroom.ts';
import {
  formatViolations,
  LEAD_IMAGE,
  LEAD_SELECTORS,
  launchChromium,
  normalizeSpace,
  resultsPath,
  SEED_ARTICLE_PATH,
  SEED_TAG_PATH,
  sleep,
  TEMPERATURE_LINE,
} from './site.ts';

const baseUrl = inject('baseUrl');

interface PageCase {
  name: 'front' | 'section' | 'article' | 'amp' | 'author' | 'live' | 'tag' | 'archive-page-2' | '404';
  path: string;
  status: number;
  /** The page's LCP image, the one `<img>` fetched eagerly (with `fetchpriority="high"` outside AMP); null: none. */
  lcpImage: string | null;
  /** The article's lead photo, whose 16:9 box must be reserved before it loads. */
  leadFigure: boolean;
  amp: boolean;
}

interface WidthCase {
  width: 390 | 1280;
  options: BrowserContextOptions;
}

const PAGES: PageCase[] = [
  { name: 'front', path: '/', status: 200, lcpImage: LEAD_SELECTORS.front, leadFigure: false, amp: false },
  { name: 'section', path: SECTION_PATH, status: 200, lcpImage: LEAD_SELECTORS.section, leadFigure: false, amp: false },
  {
    name: 'article',
    path: SEED_ARTICLE_PATH,
    status: 200,
    lcpImage: LEAD_SELECTORS.article,
    leadFigure: true,
    amp: false,
  },
  {
    name: 'amp',
    path: `${SEED_ARTICLE_PATH}/amp`,
    status: 200,
    lcpImage: LEAD_SELECTORS.article,
    leadFigure: true,
    amp: true,
  },
  { name: 'author', path: AUTHOR_PATH, status: 200, lcpImage: null, leadFigure: false, amp: false },
  { name: 'live', path: LIVE_PATH, status: 200, lcpImage: null, leadFigure: false, amp: false },
  { name: 'tag', path: SEED_TAG_PATH, status: 200, lcpImage: null, leadFigure: false, amp: false },
  { name: 'archive-page-2', path: '/page/2', status: 200, lcpImage: null, leadFigure: false, amp: false },
  { name: '404', path: '/no-such-page', status: 404, lcpImage: null, leadFigure: false, amp: false },
];

const WIDTHS: WidthCase[] = [
  // An iPhone 12–15 sized phone.
  {
    width: 390,
    options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  },
  { width: 1280, options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false } },
];

const AMP_BOILERPLATE_TIMEOUT_MS = 8_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A browser context that only talks to the site: anything else (the AMP runtime on cdn.ampproject.org, the
 * Open-Meteo credit link if followed) is refused at once instead of waiting for a network that is not there.
 */
async function newContext(
  width: WidthCase,
  javaScriptEnabled: boolean,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...width.options, javaScriptEnabled, locale: 'ar-LB', colorScheme });
  await context.route(
    (url) => url.origin !== baseUrl,
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

interface HeaderTemperature {
  text: string | null;
  visible: boolean;
  /** Fully inside the viewport and not cut off by its own box. */
  onScreen: boolean;
  detail: string;
}

/** The header's temperature line as the reader sees it. */
async function readTemperature(page: Page): Promise<HeaderTemperature> {
  const line = page.locator('header').getByText('درجة الحرارة في بيروت').first();
  if ((await line.count()) === 0)
    return { text: null, visible: false, onScreen: false, detail: 'no such line in <header>' };
  // The rendered text (no hidden parts), as the reader sees it.
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here
  const text = normalizeSpace(await line.innerText());
  const visible = await line.isVisible();
  const geometry = await line.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return {
      left: r.left,
      right: r.right,
      top: r.top,
      bottom: r.bottom,
      viewportWidth: document.documentElement.clientWidth,
      viewportHeight: window.innerHeight,
      clipped: el.scrollWidth > el.clientWidth + 1,
      opacity: Number(cs.opacity),
      visibility: cs.visibility,
    };
  });
  const onScreen =
    geometry.left >= -0.5 &&
    geometry.right <= geometry.viewportWidth + 0.5 &&
    geometry.top >= -0.5 &&
    geometry.bottom <= geometry.viewportHeight + 0.5 &&
    !geometry.clipped &&
    geometry.opacity > 0 &&
    geometry.visibility === 'visible';
  return { text, visible, onScreen, detail: JSON.stringify(geometry) };
}

interface Opened {
  status: number | null;
  firstTemperature: HeaderTemperature;
  temperature: HeaderTemperature;
  reloaded: boolean;
}

/**
 * Opens a page; if the header does not show the upstream's temperature yet (the very first view may show the
 * placeholder while the first upstream fetch is under way), waits a little and reloads once.
 */
async function open(page: Page, path: string): Promise<Opened> {
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  const firstTemperature = await readTemperature(page);
  if (firstTemperature.text === TEMPERATURE_LINE) {
    return { status: response?.status() ?? null, firstTemperature, temperature: firstTemperature, reloaded: false };
  }
  await sleep(1_500);
  const again = await page.reload({ waitUntil: 'load' });
  return {
    status: again?.status() ?? null,
    firstTemperature,
    temperature: await readTemperature(page),
    reloaded: true,
  };
}

/** Direction of the document and the h1, and where the h1's lines sit against its own box and its container. */
async function measureHeading(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector('h1');
    if (!h1) return null;
    const cs = getComputedStyle(h1);
    const box = h1.getBoundingClientRect();
    const contentLeft = box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
    const contentRight = box.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight);
    const parent = h1.parentElement as HTMLElement;
    const pcs = getComputedStyle(parent);
    const parentBox = parent.getBoundingClientRect();
    const parentContentRight = parentBox.right - parseFloat(pcs.borderRightWidth) - parseFloat(pcs.paddingRight);
    // The rendered lines of the heading: text rectangles grouped by line, each line's extent.
    const range = document.createRange();
    range.selectNodeContents(h1);
    const lines: { top: number; left: number; right: number }[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      const line = lines.find((l) => Math.abs(l.top - r.top) < r.height / 2);
      if (line) {
        line.left = Math.min(line.left, r.left);
        line.right = Math.max(line.right, r.right);
      } else lines.push({ top: r.top, left: r.left, right: r.right });
    }
    return {
      htmlDirection: getComputedStyle(document.documentElement).direction,
      h1Direction: cs.direction,
      textAlign: cs.textAlign,
      contentLeft,
      contentRight,
      h1MarginBoxRight: box.right + parseFloat(cs.marginRight),
      parentContentRight,
      lines,
      text: h1.textContent?.trim() ?? '',
    };
  });
}

/** The lead image's box (for AMP: the amp-img and any <noscript> <img> fallback inside it) and what follows it. */
async function measureLeadImage(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const amp = main?.querySelector('amp-img') ?? null;
    const elements: Element[] = amp ? [amp, ...Array.from(amp.querySelectorAll('img'))] : [];
    if (!amp) {
      const img = main?.querySelector('img');
      if (img) elements.push(img);
    }
    const boxes = elements.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        width: r.width,
        height: r.height,
        attributes: {
          src: el.getAttribute('src'),
          width: el.getAttribute('width'),
          height: el.getAttribute('height'),
          layout: el.getAttribute('layout'),
        },
        loaded: el instanceof HTMLImageElement ? el.complete && el.naturalWidth > 0 : null,
      };
    });
    // The largest visible box; on a tie the inner <img> (listed last) wins, since it is what loads.
    const shown = boxes.reduce<(typeof boxes)[number] | null>(
      (best, b) => (b.width > 0 && b.height > 0 && b.height >= (best?.height ?? 0) ? b : best),
      null,
    );
    const figure = elements[0]?.closest('figure');
    const after = figure?.nextElementSibling ?? figure?.querySelector('figcaption') ?? null;
    return { boxes, shown, nextTop: after ? after.getBoundingClientRect().top + window.scrollY : null };
  });
}

/** Waits (polling from Node, which also works with JavaScript off) until the lead image has loaded. */
async function waitForLeadImage(page: Page, timeoutMs = 10_000): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const m = await measureLeadImage(page);
    if (m.boxes.some((b) => b.loaded)) return true;
    await sleep(100);
  }
  return false;
}

/** What the page did while it loaded and while it was scrolled through: measured once, asserted by several tests. */
interface Settled {
  /** Right after load, the images in view loaded: shifts so far and the LCP. */
  atLoad: PaintFacts;
  /** After scrolling through the whole page (every lazy image loaded) and back. */
  afterScroll: PaintFacts;
  images: ImageFacts[];
  imagesLoaded: boolean;
}

async function settle(page: Page, lcpImage: string | null): Promise<Settled> {
  await waitForImages(page, { inView: true });
  await sleep(300);
  const atLoad = await readPaint(page, lcpImage);
  await scrollThrough(page);
  const imagesLoaded = await waitForImages(page);
  const afterScroll = await readPaint(page, lcpImage);
  return { atLoad, afterScroll, images: await readImages(page, lcpImage), imagesLoaded };
}

/**
 * A full-page screenshot of the page in a fresh context of the given colour scheme, every lazy image loaded first
 * (a full-page screenshot does not scroll, so images below the first screen would otherwise be blank).
 */
async function screenshot(pageCase: PageCase, widthCase: WidthCase, scheme: 'light' | 'dark'): Promise<void> {
  const context = await newContext(widthCase, !pageCase.amp, scheme);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}${pageCase.path}`, { waitUntil: 'load' });
    await scrollThrough(page);
    const path = resultsPath(
      'screenshots',
      `${pageCase.name}-${widthCase.width}${scheme === 'dark' ? '-dark' : ''}.png`,
    );
    await page.screenshot({ path, fullPage: true });
  } finally {
    await context.close();
  }
}

describe('the demo newsroom, as a reader finds it', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(WIDTHS[1] as WidthCase, true);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('front page: the lead story with its photo, four more top stories, a block per section, the breaking bar, the latest and page 2', async () => {
    await page.goto(`${baseUrl}/`);
    const front = await page.evaluate(() => {
      const hrefs = (selector: string) =>
        Array.from(document.querySelectorAll(selector), (a) => a.getAttribute('href'));
      return {
        lead: hrefs('.front > article.lead h2 a'),
        leadPhoto: document.querySelectorAll('.front > article.lead img').length,
        top: hrefs('.front .top li h3 a').length,
        sections: hrefs('.front .secs > section > h2 a'),
        breaking: hrefs('aside.breaking a'),
        live: Array.from(document.querySelectorAll('.front h3'))
          .filter((h) => h.querySelector('.live'))
          .map((h) => h.querySelector('a')?.getAttribute('href')),
        latest: hrefs('.front .latest li h3 a').length,
        older: hrefs('.front .latest a[rel="next"]'),
      };
    });
    const detail = JSON.stringify(front);
    expect(front, detail).toMatchObject({
      lead: [`/articles/${LEAD_SLUG}`],
      leadPhoto: 1,
      top: 4,
      sections: sectionPaths(),
      breaking: [`/articles/${BREAKING_SLUG}`],
      live: [LIVE_PATH],
      older: ['/page/2'],
    });
    expect(front.latest, detail).toBeGreaterThan(0);
  });

  it(`live coverage: open ("مباشر"), its ${LIVE_UPDATES} updates newest first`, async () => {
    await page.goto(`${baseUrl}${LIVE_PATH}`);
    const live = await page.evaluate(() => ({
      badge: document.querySelectorAll('article.story .lv .live').length,
      times: Array.from(document.querySelectorAll('article.upd'), (u) => Number(u.getAttribute('data-update-time'))),
    }));
    expect(live.badge, JSON.stringify(live)).toBe(1);
    expect(live.times, JSON.stringify(live)).toHaveLength(LIVE_UPDATES);
    expect(live.times, JSON.stringify(live)).toEqual([...live.times].sort((a, b) => b - a));
  });

  it('corrected article: both corrections in its "تصحيحات" box', async () => {
    await page.goto(`${baseUrl}/articles/${CORRECTED_SLUG}`);
    const box = page.locator('section.fix');
    expect(await box.locator('h2').textContent()).toBe('تصحيحات');
    expect(await box.locator('p').count()).toBe(2);
  });

  it("writer's page: her articles", async () => {
    await page.goto(`${baseUrl}${AUTHOR_PATH}`);
    const hrefs = await page.locator('main ol h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort()).toEqual(AUTHOR_ARTICLES.map((slug) => `/articles/${slug}`).sort());
  });
});

for (const pageCase of PAGES) {
  for (const widthCase of WIDTHS) {
    const label = `${pageCase.name}-${widthCase.width}`;
    describe(`${pageCase.name} page at ${widthCase.width}px`, () => {
      let context: BrowserContext;
      let page: Page;
      let opened: Opened;
      let settled: Settled;
      const consoleErrors: string[] = [];

      beforeAll(async () => {
        // AMP layout checks without JavaScript: see the comment at the top of this file.
        context = await newContext(widthCase, !pageCase.amp);
        page = await context.newPage();
        page.on('console', (m) => {
          // The 404 page's own status is reported as a console error: expected, not worth a line.
          if (m.type() === 'error' && !(pageCase.status === 404 && m.text().includes('404')))
            consoleErrors.push(m.text());
        });
        opened = await open(page, pageCase.path);
        settled = await settle(page, pageCase.lcpImage);
      });

      afterAll(async () => {
        if (consoleErrors.length > 0) console.warn(`[${label}] console errors:\n  ${consoleErrors.join('\n  ')}`);
        await context?.close();
      });

      it(`answers ${pageCase.status}`, () => {
        expect(opened.status).toBe(pageCase.status);
      });

      it('does not shift its layout while it loads, nor as lazy images come in (CLS 0)', () => {
        const { atLoad, afterScroll } = settled;
        console.info(
          `[${label}] CLS ${afterScroll.cls}; LCP ${atLoad.lcp ? `${atLoad.lcp.element} (${Math.round(atLoad.lcp.size)} px²)` : 'none'}`,
        );
        expect(atLoad.cls, `layout shifts while loading:\n${atLoad.shifts.join('\n')}`).toBe(0);
        expect(afterScroll.cls, `layout shifts while scrolled through:\n${afterScroll.shifts.join('\n')}`).toBe(0);
      });

      it(
        pageCase.lcpImage
          ? 'fetches its LCP image eagerly at high priority, every other image lazily, each with its width and height'
          : 'fetches every image lazily, each with its width and height',
        () => {
          const { images, imagesLoaded, atLoad } = settled;
          const detail = JSON.stringify({ images, lcp: atLoad.lcp }, null, 1);
          for (const img of images) {
            expect.soft(img.width && img.height, `width and height of ${img.src}: ${detail}`).toBeTruthy();
          }
          const leads = images.filter((img) => img.isLead);
          if (pageCase.lcpImage) {
            expect(leads.length, `one LCP image (${pageCase.lcpImage}): ${detail}`).toBe(1);
            const [lead] = leads;
            expect([null, 'eager'], `the LCP image is not lazy: ${detail}`).toContain(lead?.loading ?? null);
            // AMP has no fetchpriority; its runtime decides what loads first.
            expect(lead?.fetchpriority, detail).toBe(pageCase.amp ? null : 'high');
          }
          for (const img of images.filter((i) => !i.isLead)) {
            expect.soft(img.loading, `${img.src} is lazy: ${detail}`).toBe('lazy');
            expect.soft(img.fetchpriority, `${img.src} has no fetchpriority: ${detail}`).toBeNull();
          }
          expect(imagesLoaded && images.every((img) => img.loaded), `every image loads: ${detail}`).toBe(true);
          // Whatever the browser found largest, if it is an image it must not have been made to wait (Lighthouse's
          // "LCP image was lazily loaded"). Text as the LCP is fine.
          if (atLoad.lcp?.isImage) expect(atLoad.lcp.isLead, `the LCP is the eager image: ${detail}`).toBe(true);
        },
      );

      it('writes screenshots, light and dark', async () => {
        await screenshot(pageCase, widthCase, 'light');
        await screenshot(pageCase, widthCase, 'dark');
      });

      it('is right-to-left, with the h1 set from the right', async () => {
        const m = await measureHeading(page);
        expect(m, 'the page has an h1').not.toBeNull();
        if (!m) return;
        const detail = JSON.stringify(m);
        expect(m.htmlDirection, detail).toBe('rtl');
        expect(m.h1Direction, detail).toBe('rtl');
        expect(['start', 'right'], detail).toContain(m.textAlign);
        // The h1 spans its container up to the container's right edge...
        expect(Math.abs(m.h1MarginBoxRight - m.parentContentRight), detail).toBeLessThanOrEqual(1);
        // ...and every line of it starts at its right edge.
        expect(m.lines.length, detail).toBeGreaterThan(0);
        for (const line of m.lines) expect(Math.abs(line.right - m.contentRight), detail).toBeLessThanOrEqual(2);
      });

      it(`shows "${TEMPERATURE_LINE}" in the header`, () => {
        if (opened.reloaded) {
          console.info(`[${label}] first view showed ${JSON.stringify(opened.firstTemperature.text)}; reloaded once`);
        }
        const t = opened.temperature;
        expect(t.text, `header temperature line (${t.detail})`).toBe(TEMPERATURE_LINE);
        expect(t.visible, `temperature line is visible (${t.detail})`).toBe(true);
        expect(t.onScreen, `temperature line fits on screen, uncut (${t.detail})`).toBe(true);
      });

      it('does not scroll sideways', async () => {
        const m = await measureOverflow(page);
        expect(m.scrollWidth, JSON.stringify(m)).toBeLessThanOrEqual(m.innerWidth);
      });

      it('shows the skip link, focused, on the first Tab', async () => {
        await page.reload({ waitUntil: 'load' });
        const before = await page.evaluate(() => {
          const first = document.body.querySelector('a[href], button, input, select, textarea, [tabindex]');
          const r = first?.getBoundingClientRect();
          return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
        });
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const r = el.getBoundingClientRect();
          const cs = getComputedStyle(el);
          const href = el.getAttribute('href') ?? '';
          const target = href.startsWith('#') ? document.getElementById(decodeURIComponent(href.slice(1))) : null;
          return {
            tag: el.tagName.toLowerCase(),
            href,
            text: el.textContent?.trim() ?? '',
            isFirstLink: el === document.body.querySelector('a[href], button, input, select, textarea, [tabindex]'),
            targetIsMain:
              !!target && (target.tagName === 'MAIN' || !!target.closest('main') || !!target.querySelector('main')),
            box: { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height },
            viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
            outline: `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`,
            hasOutline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
            visibility: cs.visibility,
          };
        });
        expect(focused, 'Tab moved focus into the page').not.toBeNull();
        if (!focused) return;
        const detail = JSON.stringify({ before, focused });
        expect(focused.isFirstLink, `the first focusable element took focus: ${detail}`).toBe(true);
        expect(focused.tag, detail).toBe('a');
        expect(focused.targetIsMain, `it links to the main content: ${detail}`).toBe(true);
        const { box, viewport } = focused;
        const onScreen =
          box.width > 0 &&
          box.height > 0 &&
          box.top >= 0 &&
          box.left >= 0 &&
          box.bottom <= viewport.height &&
          box.right <= viewport.width &&
          focused.visibility === 'visible';
        expect(onScreen, `the focused skip link is on screen: ${detail}`).toBe(true);
        const movedOnScreen =
          before !== null && (before.bottom <= 0 || before.right <= 0 || before.left >= viewport.width);
        expect(
          focused.hasOutline || movedOnScreen,
          `focus is visible (outline, or shown only on focus): ${detail}`,
        ).toBe(true);
      });

      it('has no axe-core violations', async () => {
        let target = page;
        let ampContext: BrowserContext | null = null;
        try {
          if (pageCase.amp) {
            // axe needs JavaScript: run it on the AMP page as served, the runtime blocked, once the boilerplate's
            // fallback animation has shown the body.
            ampContext = await newContext(widthCase, true);
            target = await ampContext.newPage();
            const started = Date.now();
            await target.goto(`${baseUrl}${pageCase.path}`, { waitUntil: 'load' });
            await target.waitForFunction(() => getComputedStyle(document.body).visibility === 'visible', null, {
              timeout: AMP_BOILERPLATE_TIMEOUT_MS + 4_000,
              polling: 100,
            });
            const shownAfter = Date.now() - started;
            expect(shownAfter, 'AMP body shown by the boilerplate fallback').toBeLessThan(
              AMP_BOILERPLATE_TIMEOUT_MS + 3_000,
            );
          }
          const results = await new AxeBuilder({ page: target }).options({ resultTypes: ['violations'] }).analyze();
          if (results.violations.length > 0) {
            console.error(`[${label}] axe violations:\n${formatViolations(results.violations)}`);
          }
          expect(
            results.violations.map((v) => v.id),
            formatViolations(results.violations),
          ).toEqual([]);
        } finally {
          await ampContext?.close();
        }
      });

      if (pageCase.amp) {
        it('declares the lead amp-img so the AMP runtime reserves a 1600×900 box', async () => {
          const m = await measureLeadImage(page);
          const amp = m.boxes.find((b) => b.tag === 'amp-img');
          expect(amp, JSON.stringify(m)).toBeDefined();
          expect(amp?.attributes, JSON.stringify(m)).toMatchObject({
            src: expect.stringMatching(LEAD_IMAGE.pattern),
            width: String(LEAD_IMAGE.width),
            height: String(LEAD_IMAGE.height),
            layout: 'responsive',
          });
        });
      }

      if (pageCase.leadFigure) {
        it('keeps the lead image box (16:9) while the image is still loading', async () => {
          // A fresh context: nothing cached, so the image request really goes out and can be held.
          const imageContext = await newContext(widthCase, !pageCase.amp);
          try {
            const p = await imageContext.newPage();
            const held: Route[] = [];
            let requested: () => void = () => {};
            const wasRequested = new Promise<void>((ok) => {
              requested = ok;
            });
            const isLeadImage = (url: URL) => LEAD_IMAGE.pattern.test(url.pathname);
            await p.route(isLeadImage, (route) => {
              held.push(route);
              requested();
            });
            await p.goto(`${baseUrl}${pageCase.path}`, { waitUntil: 'domcontentloaded' });
            const imageRequested = await Promise.race([wasRequested.then(() => true), sleep(5_000).then(() => false)]);
            const before = await measureLeadImage(p);
            const detail = JSON.stringify({ imageRequested, before });
            const why =
              pageCase.amp && !before.boxes.some((b) => b.tag === 'img')
                ? 'without the AMP runtime (JavaScript off) amp-img is an empty element: it needs a ' +
                  '<noscript><img src width height alt></noscript> fallback inside it'
                : 'the lead image has a box before it loads';
            expect(before.shown, `${why}: ${detail}`).not.toBeNull();
            const shown = before.shown;
            if (!shown) return;
            expect(shown.loaded, detail).toBe(false);
            expect(shown.height, detail).toBeGreaterThan(0);
            expect(
              Math.abs(shown.height - (shown.width * LEAD_IMAGE.height) / LEAD_IMAGE.width),
              detail,
            ).toBeLessThanOrEqual(1.5);
            // Let the image through: nothing below it may move.
            await p.unroute(isLeadImage);
            await Promise.all(held.map((route) => route.fallback()));
            expect(await waitForLeadImage(p), 'the lead image loads once released').toBe(true);
            const after = await measureLeadImage(p);
            const moved = JSON.stringify({ before, after });
            expect(Math.abs((after.shown?.height ?? 0) - shown.height), moved).toBeLessThanOrEqual(1);
            expect(Math.abs((after.nextTop ?? 0) - (before.nextTop ?? 0)), moved).toBeLessThanOrEqual(1);
          } finally {
            await imageContext.close();
          }
        });
      }
    });
  }
}
