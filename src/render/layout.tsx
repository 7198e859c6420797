/** The HTML page shell: head, skip link, masthead, sections bar, breaking bar, top news, footer. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { SITE_DIR, SITE_LANG, SITE_NAME } from '../site.ts';
import { PageTop, SiteFooter } from './chrome.tsx';
import { type FeedLink, FeedLinks, SITE_FEEDS } from './feed-links.tsx';
import type { Chrome } from './page-data.ts';
import { SITE_CSS } from './styles.ts';

export interface LayoutProps {
  /** Document title; the site name is appended. */
  title: string;
  description: string;
  /** Absolute canonical URL, or null for pages that have none (errors). */
  canonical: string | null;
  /** Extra head elements (structured data, social tags, alternate links). */
  head?: Child;
  /** Feeds to link with `<link rel="alternate">`; default: the site's RSS and JSON feeds. */
  feeds?: readonly FeedLink[];
  /** The header and bands: sections, breaking news, top news, and the per-request slots. */
  chrome: Chrome;
  /** The front page: its link in the sections bar is marked as the current page. */
  home?: boolean;
  /** Asks search engines not to index the page (search results). */
  noindex?: boolean;
  children: Child;
}

/** "Title | Site", or the site name alone for the front page. */
export const documentTitle = (title: string) => (title === SITE_NAME ? SITE_NAME : `${title} | ${SITE_NAME}`);

export function Layout(props: LayoutProps) {
  return (
    <html lang={SITE_LANG} dir={SITE_DIR}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(props.title)}</title>
        <meta name="description" content={props.description} />
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <FeedLinks feeds={props.feeds ?? SITE_FEEDS} />
        {/* A constant stylesheet, not editor input: inserted as is so quotes in font names survive. */}
        <style>{raw(SITE_CSS)}</style>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          انتقل إلى المحتوى
        </a>
        <PageTop chrome={props.chrome} search="form" home={props.home ?? false} />
        <main id="main" class="wrap">
          {props.children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
