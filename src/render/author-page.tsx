/**
 * The writers' pages: each writer's (/authors/<slug>: photo, name, role, links, bio, then their articles with the
 * pager) and the index of every writer (/authors).
 */
import { raw } from 'hono/html';
import { mediaPath } from '../media/keys.ts';
import { Picture } from '../media/picture.ts';
import { SITE_NAME } from '../site.ts';
import { authorFeeds } from './feed-links.tsx';
import { Layout } from './layout.tsx';
import { JsonLd } from './meta.tsx';
import type { AuthorPageData, AuthorPhoto, AuthorsPageData } from './page-data.ts';
import { Pager } from './pager.tsx';
import { FIT, TeaserList } from './teaser.tsx';

/** A writer's photo, round: `lead` on their own page (above the fold, so never lazy), else a small one in a list. */
function Portrait({ photo, name, lead = false }: { photo: AuthorPhoto; name: string; lead?: boolean }) {
  if (!photo) {
    // No photo: the first letter of the name, drawn large; the name itself is written beside it.
    return (
      <div class="ph pic ini" aria-hidden="true">
        {Array.from(name.trim())[0] ?? ''}
      </div>
    );
  }
  return (
    <div class="ph pic">
      {/* The name is written beside the photo: the image adds nothing a screen reader should repeat. */}
      <Picture image={{ ...photo, alt: '' }} sizes={lead ? '7rem' : '4.5rem'} upTo={480} lead={lead} />
    </div>
  );
}

/** A link's site, as its text: `x.com` for https://www.x.com/rana. */
function hostOf(link: string): string {
  try {
    return new URL(link).hostname.replace(/^www\./, '');
  } catch {
    return link;
  }
}

/** schema.org ProfilePage for a writer's page, so search engines tie their bylines to it. */
function profileData({ author, canonicalUrl }: AuthorPageData) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url: new URL(author.url, canonicalUrl).href,
      ...(author.role ? { jobTitle: author.role } : {}),
      ...(author.photo ? { image: new URL(mediaPath(author.photo.fallback.key), canonicalUrl).href } : {}),
      ...(author.links.length > 0 ? { sameAs: author.links } : {}),
    },
  };
}

/**
 * A writer's page: their photo (or initial), name, role and links to their other pages (rel="me"), the bio on the
 * first page, then their articles, newest first, with thumbnails and the pager. Links to the writer's feed.
 */
export function AuthorPage(data: AuthorPageData) {
  const { author, page } = data;
  const suffix = page > 1 ? ` (الصفحة ${page})` : '';
  return (
    <Layout
      title={`${author.name}${suffix}`}
      description={`${author.role ? `${author.name}، ${author.role}. ` : ''}مقالات ${author.name} في ${SITE_NAME}.${suffix}`}
      canonical={data.canonicalUrl}
      feeds={authorFeeds(author)}
      head={page === 1 ? <JsonLd data={profileData(data)} /> : null}
      chrome={data.chrome}
    >
      <header class="pro">
        <Portrait photo={author.photo} name={author.name} lead />
        <div>
          <h1>{author.name}</h1>
          {author.role ? <p class="role">{author.role}</p> : null}
          {page > 1 ? <p class="role">الصفحة {page}</p> : null}
          {page === 1 && author.links.length > 0 ? (
            <ul class="links" aria-label="روابط">
              {author.links.map((link) => (
                <li>
                  <a href={link} rel="me noopener">
                    {hostOf(link)}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>
      {/* Sanitized by the markdown renderer, as article bodies are. */}
      {page === 1 && author.bioHtml ? <div class="bio">{raw(author.bioHtml)}</div> : null}
      <section aria-labelledby="author-articles">
        <h2 id="author-articles" class="bar">
          مقالات {author.name}
        </h2>
        {data.teasers.length === 0 ? <p>لا توجد مقالات منشورة بعد.</p> : null}
        <TeaserList teasers={data.teasers} level={3} fit={FIT.listThumb} summary kicker class="two" />
      </section>
      <Pager list={{ kind: 'author', author }} page={page} hasOlder={data.hasOlder} />
    </Layout>
  );
}

/** Every writer as a card (photo, name linking to their page, role), by name. */
export function AuthorsPage(data: AuthorsPageData) {
  return (
    <Layout
      title="كتّاب الجريدة"
      description={`كتّاب ${SITE_NAME} ومراسلوها.`}
      canonical={data.canonicalUrl}
      chrome={data.chrome}
    >
      <header class="list-head">
        <h1>كتّاب الجريدة</h1>
      </header>
      {data.authors.length === 0 ? (
        <p>لا يوجد كتّاب بعد.</p>
      ) : (
        <ul class="rows people">
          {data.authors.map((author) => (
            <li>
              <Portrait photo={author.photo} name={author.name} />
              <div class="tx">
                <h2>
                  <a href={author.url}>{author.name}</a>
                </h2>
                {author.role ? <p class="role">{author.role}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
