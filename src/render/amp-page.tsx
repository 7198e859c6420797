/** The AMP version of an article: same header, content and structured data, AMP markup and one <style amp-custom>. */
import { raw } from 'hono/html';
import { AmpPicture } from '../media/picture.ts';
import { SITE_DIR, SITE_LANG } from '../site.ts';
import { ArticleContent } from './article-page.tsx';
import { PageTop, SiteFooter } from './chrome.tsx';
import { renderFragment } from './document.ts';
import { FeedLinks, SITE_FEEDS } from './feed-links.tsx';
import { documentTitle } from './layout.tsx';
import { ArticleHeadTags } from './meta.tsx';
import type { ArticlePageData } from './page-data.ts';
import { RelatedArticles } from './related.tsx';
import { SITE_CSS } from './styles.ts';

/** AMP's required boilerplate, verbatim from the AMP spec. */
const AMP_BOILERPLATE =
  'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}';
const AMP_NOSCRIPT_BOILERPLATE = 'body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}';

/**
 * The site stylesheet plus what AMP elements need: sized boxes for images of unknown size, and the live list's
 * "new updates" button, floating at the top of the screen when the runtime shows it.
 */
const AMP_CSS = `${SITE_CSS}
amp-img{max-width:100%}
.img-fill{display:block;position:relative;width:100%;padding-top:56.25%;margin:.5rem 0}
.upd-new{position:sticky;top:.5rem;display:block;margin:0 auto 1rem;padding:.4rem 1.2rem;border:0;border-radius:2rem;background:var(--red);color:#fff;font:inherit;font-weight:700;cursor:pointer}`;

/** The script of `amp-live-list`, which a live article's page needs. */
const LIVE_LIST_SCRIPT = 'https://cdn.ampproject.org/v0/amp-live-list-0.1.js';

function AmpHead(data: ArticlePageData) {
  return (
    <head>
      <meta charset="utf-8" />
      <script async src="https://cdn.ampproject.org/v0.js" />
      {data.live ? <script async custom-element="amp-live-list" src={LIVE_LIST_SCRIPT} /> : null}
      <title>{documentTitle(data.article.title)}</title>
      <link rel="canonical" href={data.urls.canonical} />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={data.article.summary} />
      <FeedLinks feeds={SITE_FEEDS} />
      <style amp-boilerplate="">{raw(AMP_BOILERPLATE)}</style>
      <noscript>
        <style amp-boilerplate="">{raw(AMP_NOSCRIPT_BOILERPLATE)}</style>
      </noscript>
      <style amp-custom="">{raw(AMP_CSS)}</style>
      <ArticleHeadTags data={data} />
    </head>
  );
}

function AmpBody(data: ArticlePageData) {
  const image = data.article.image;
  const lead = image?.media ? (
    <AmpPicture image={{ ...image.media, alt: image.alt }} />
  ) : image ? (
    image.width && image.height ? (
      <amp-img src={image.src} alt={image.alt} width={image.width} height={image.height} layout="responsive">
        {/* Readers without JavaScript (or when the AMP runtime cannot load) still get the image. */}
        <noscript>
          <img src={image.src} alt={image.alt} width={image.width} height={image.height} decoding="async" />
        </noscript>
      </amp-img>
    ) : (
      <span class="img-fill">
        <amp-img src={image.src} alt={image.alt} layout="fill" object-fit="contain" />
      </span>
    )
  ) : null;
  return (
    <body>
      <a class="skip" href="#main">
        انتقل إلى المحتوى
      </a>
      <PageTop chrome={data.chrome} search="link" />
      <main id="main" class="wrap">
        <div class="art">
          <ArticleContent data={data} amp leadImage={lead} />
          <RelatedArticles teasers={data.related} amp />
        </div>
      </main>
      <SiteFooter />
    </body>
  );
}

/**
 * The whole AMP document as a string (`data.bodyHtml` is AMP markup here). `<html ⚡>` is written out because JSX
 * cannot spell the attribute.
 */
export function renderAmpDocument(data: ArticlePageData): string {
  return `<!DOCTYPE html><html ⚡ lang="${SITE_LANG}" dir="${SITE_DIR}">${renderFragment(<AmpHead {...data} />)}${renderFragment(<AmpBody {...data} />)}</html>`;
}
