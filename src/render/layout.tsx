/** The page shell shared by every HTML page: head, skip link, header with temperature, top news, footer. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { SITE_NAME } from '../site.ts';
import { SITE_CSS } from './styles.ts';

/** A link in the "أهم الأخبار" list. */
export interface NewsLink {
  title: string;
  url: string;
}

export interface LayoutProps {
  /** Document title; the site name is appended. */
  title: string;
  description: string;
  /** Absolute canonical URL, or null for pages that have none (errors). */
  canonical: string | null;
  /** Extra head elements (structured data, social tags, alternate links). */
  head?: Child;
  topNews: NewsLink[];
  /** The temperature line (or TEMPERATURE_SLOT when rendering a template). */
  temperature: Child;
  /** Path of the current page, to mark it in the top-news list. */
  currentPath?: string;
  children: Child;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="ar" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === SITE_NAME ? SITE_NAME : `${props.title} | ${SITE_NAME}`}</title>
        <meta name="description" content={props.description} />
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {/* A constant stylesheet, not editor input: inserted as is so quotes in font names survive. */}
        <style>{raw(SITE_CSS)}</style>
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          انتقل إلى المحتوى
        </a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/">
              {SITE_NAME}
            </a>
            {props.temperature}
          </div>
        </header>
        <TopNews links={props.topNews} currentPath={props.currentPath} />
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              © {SITE_NAME}. بيانات الطقس من <a href="https://open-meteo.com/">Open-Meteo.com</a> (CC BY 4.0).
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

function TopNews({ links, currentPath }: { links: NewsLink[]; currentPath: string | undefined }) {
  if (links.length === 0) return null;
  return (
    <nav class="top-news" aria-labelledby="top-news-title">
      <div class="wrap">
        <h2 id="top-news-title">أهم الأخبار:</h2>
        <ul>
          {links.map((link) => (
            <li>
              <a href={link.url} aria-current={link.url === currentPath ? 'page' : undefined}>
                {link.title}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
