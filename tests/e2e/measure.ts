/**
 * What the browser tests measure inside a page, as plain data for assertions: sideways overflow, every `<img>` and
 * how it loads, layout shifts and the LCP element (from the browser's own PerformanceObserver entries).
 */
import type { Page } from 'playwright-core';
import { sleep } from './site.ts';

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** Elements sticking out past either edge, to name the culprit if there is one. */
  wide: string[];
}

/** The document's width against the window's: wider means the reader can scroll sideways. */
export function measureOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wide = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > root.clientWidth + 1 || r.left < -1);
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''}`);
    return { scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, wide };
  });
}

export interface ImageFacts {
  /** The file the browser chose (`currentSrc`), else the `src` attribute. */
  src: string;
  /** Matches the page's LCP image selector. */
  isLead: boolean;
  loading: string | null;
  fetchpriority: string | null;
  width: string | null;
  height: string | null;
  /** Loaded and decodable. */
  loaded: boolean;
}

/** Every `<img>` of the page in document order; `leadSelector` marks the page's LCP image. */
export function readImages(page: Page, leadSelector: string | null): Promise<ImageFacts[]> {
  return page.evaluate((selector) => {
    const lead = selector ? document.querySelector(selector) : null;
    return Array.from(document.images).map((img) => ({
      src: new URL(img.currentSrc || img.src, location.href).pathname,
      isLead: img === lead,
      loading: img.getAttribute('loading'),
      fetchpriority: img.getAttribute('fetchpriority'),
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      loaded: img.complete && img.naturalWidth > 0,
    }));
  }, leadSelector);
}

export interface PaintFacts {
  /** Sum of the layout shifts not caused by input. */
  cls: number;
  /** Each shift: its value and what moved, from where to where. */
  shifts: string[];
  /** The largest contentful paint: its element (tag, class, and for an image its file), or null when none. */
  lcp: { element: string; isImage: boolean; isLead: boolean; size: number } | null;
}

/**
 * Layout shifts and the LCP so far, from the buffered entries a PerformanceObserver is handed as it starts (read at
 * once with takeRecords: no timers, so this works with JavaScript off too).
 */
export function readPaint(page: Page, leadSelector: string | null): Promise<PaintFacts> {
  return page.evaluate((selector) => {
    const describe = (node: Node | null | undefined) => {
      if (!(node instanceof Element)) return String(node?.nodeName ?? 'a removed node');
      const img = node instanceof HTMLImageElement ? ` ${new URL(node.currentSrc || node.src).pathname}` : '';
      return `${node.tagName.toLowerCase()}${node.className ? `.${String(node.className).replace(/ /g, '.')}` : ''}${img}`;
    };
    const entries = (type: string) => {
      const observer = new PerformanceObserver(() => {});
      observer.observe({ type, buffered: true });
      const records = observer.takeRecords();
      observer.disconnect();
      return records;
    };
    interface Shift extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
    interface Lcp extends PerformanceEntry {
      element: Element | null;
      size: number;
    }
    const rect = (r: DOMRectReadOnly) =>
      `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    const shifts = (entries('layout-shift') as Shift[]).filter((s) => !s.hadRecentInput);
    const lcps = entries('largest-contentful-paint') as Lcp[];
    const last = lcps.at(-1);
    const lead = selector ? document.querySelector(selector) : null;
    return {
      cls: shifts.reduce((sum, s) => sum + s.value, 0),
      shifts: shifts.map(
        (s) =>
          `${s.value.toFixed(4)} at ${Math.round(s.startTime)} ms: ${s.sources
            .map((src) => `${describe(src.node)} ${rect(src.previousRect)} → ${rect(src.currentRect)}`)
            .join('; ')}`,
      ),
      lcp: last
        ? {
            element: describe(last.element),
            isImage: last.element instanceof HTMLImageElement,
            isLead: last.element !== null && last.element === lead,
            size: last.size,
          }
        : null,
    };
  }, leadSelector);
}

/**
 * Scrolls through the whole page a screen at a time, so that every lazy image comes into view and loads, then back
 * to the top; returns once every image has loaded. Scrolls by script, not by wheel: a shift right after input would
 * not count as a layout shift, and the point is to see whether loading images move anything.
 */
export async function scrollThrough(page: Page): Promise<void> {
  const { height, screen } = await page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    screen: window.innerHeight,
  }));
  for (let y = screen; y < height + screen; y += screen) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await sleep(80);
  }
  await waitForImages(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await sleep(100);
}

/**
 * Waits (polling from Node, which works with JavaScript off too) until every `<img>` of the page, or with `inView`
 * every one on the first screen, has loaded or failed; false on timeout.
 */
export async function waitForImages(
  page: Page,
  { inView = false, timeoutMs = 10_000 }: { inView?: boolean; timeoutMs?: number } = {},
): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    const done = await page.evaluate(
      (onlyInView) =>
        Array.from(document.images)
          .filter((img) => {
            if (!onlyInView) return true;
            const r = img.getBoundingClientRect();
            return r.width > 0 && r.bottom > 0 && r.top < window.innerHeight;
          })
          .every((img) => img.complete),
      inView,
    );
    if (done) return true;
    await sleep(100);
  }
  return false;
}
