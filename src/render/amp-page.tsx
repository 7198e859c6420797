/** The AMP version of an article: same header, content and structured data, AMP markup and one <style amp-custom>. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Article, ArticleMeta } from '../content/types.ts';
import { AmpPicture } from '../media/picture.ts';
import type { ArticleUrls } from '../paths.ts';
import { SITE_DIR, SITE_LANG } from '../site.ts';
import { ampBodyHtml } from './absolute-html.ts';
import { ArticleContent } from './article-page.tsx';
import { type NewsLink, SiteFooter, SiteHeader, TopNews } from './chrome.tsx';
import { renderFragment } from './document.ts';
import { FeedLinks, SITE_FEEDS } from './feed-links.tsx';
import { documentTitle } from './layout.tsx';
import { ArticleHeadTags } from './meta.tsx';
import { RelatedArticles } from './related.tsx';
import { SITE_CSS } from './styles.ts';

/** AMP's required boilerplate, verbatim from the AMP spec. */
const AMP_BOILERPLATE =
  'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}';
const AMP_NOSCRIPT_BOILERPLATE = 'body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}';

/** The site stylesheet plus what AMP elements need: sized boxes for images of unknown size. */
const AMP_CSS = `${SITE_CSS}
amp-img{max-width:100%}
.img-fill{display:block;position:relative;width:100%;padding-top:56.25%;margin:.5rem 0}`;

export interface AmpPageData {
  article: Article;
  /** The body as AMP markup, from markdown/render.ts. */
  bodyAmp: string;
  urls: ArticleUrls;
  topNews: NewsLink[];
  temperature: Child;
  /** Up to 3 other articles sharing a tag, newest first, shown after the article; default none. */
  related?: ArticleMeta[];
}

function AmpHead(data: AmpPageData) {
  return (
    <head>
      <meta charset="utf-8" />
      <script async src="https://cdn.ampproject.org/v0.js" />
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
      <ArticleHeadTags article={data.article} urls={data.urls} />
    </head>
  );
}

function AmpBody(data: AmpPageData) {
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
      <SiteHeader temperature={data.temperature} search="link" />
      <TopNews links={data.topNews} />
      <main id="main" class="wrap">
        <ArticleContent
          article={data.article}
          leadImage={lead}
          body={raw(ampBodyHtml(data.bodyAmp, data.urls.canonical))}
        />
        <RelatedArticles articles={data.related ?? []} />
      </main>
      <SiteFooter />
    </body>
  );
}

/** The whole AMP document as a string. `<html ⚡>` is written out because JSX cannot spell the attribute. */
export function renderAmpDocument(data: AmpPageData): string {
  return `<!DOCTYPE html><html ⚡ lang="${SITE_LANG}" dir="${SITE_DIR}">${renderFragment(<AmpHead {...data} />)}${renderFragment(<AmpBody {...data} />)}</html>`;
}
