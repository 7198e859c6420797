/** Parts every page shares, HTML and AMP alike: header with the temperature, top-news list, footer. */
import type { Child } from 'hono/jsx';
import { SITE_NAME } from '../site.ts';

/** A link in the "أهم الأخبار" list. */
export interface NewsLink {
  title: string;
  url: string;
}

export function SiteHeader({ temperature }: { temperature: Child }) {
  return (
    <header class="site">
      <div class="wrap">
        <a class="brand" href="/">
          {SITE_NAME}
        </a>
        {temperature}
      </div>
    </header>
  );
}

export function TopNews({ links, currentPath }: { links: NewsLink[]; currentPath?: string | undefined }) {
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

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          © {SITE_NAME}. بيانات الطقس من <a href="https://open-meteo.com/">Open-Meteo.com</a> (CC BY 4.0).
        </p>
      </div>
    </footer>
  );
}
