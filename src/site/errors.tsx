/**
 * Error pages for people, with the site's chrome when the isolate can have it: a 404, 405 or 410 reads the
 * sections like any page (falling back to none); a 500 or 503 reads nothing more.
 */
import { type PageTemplate, renderTemplate } from '../render/document.ts';
import { ErrorPage, type PageErrorStatus } from '../render/error-page.tsx';
import type { ChromeRead } from '../store/chrome.ts';
import { chromeOf } from './chrome.ts';
import { rendered } from './page-at.ts';
import type { SiteRequest } from './request.ts';
import { viewKey } from './view-key.ts';

/** The chrome of a page that reads nothing: no sections, no bands. */
export const NO_CHROME: ChromeRead = {
  sections: [],
  top: { items: [], hasMore: false, total: 0, nextScheduledMs: null },
  breaking: null,
  breakingLive: false,
  changesAt: null,
};

/** The error page's template for `status`. */
export async function errorPage(req: SiteRequest, status: PageErrorStatus): Promise<PageTemplate> {
  const read = status === 500 || status === 503 ? NO_CHROME : await req.archive.chrome().catch(() => NO_CHROME);
  const data = { status, chrome: chromeOf(read) };
  // Not tagged: error pages are kept a minute at most (ERROR_CACHE), and none shows an article.
  return rendered(req, viewKey('error', data), [], () => renderTemplate(<ErrorPage {...data} />));
}
