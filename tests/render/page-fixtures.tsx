/** Data for the HTML views' tests: the chrome every page gets, and teasers made from the test articles. */
import type { ArticleMeta } from '../../src/content/types.ts';
import { articlePath } from '../../src/paths.ts';
import type { Chrome, SectionLink, Teaser } from '../../src/render/page-data.ts';
import { FEATURES } from '../helpers/fixtures.ts';
import { FIXTURE_MEDIA } from '../helpers/media.ts';

export const SECTIONS: SectionLink[] = [
  { slug: 'lebanon', name: 'لبنان', url: '/sections/lebanon' },
  { slug: 'world', name: 'عربي ودولي', url: '/sections/world' },
  { slug: 'economy', name: 'اقتصاد', url: '/sections/economy' },
];

/** A page's chrome: three sections, no breaking news, no top news, plain-text slots. */
export function chrome(overrides: Partial<Chrome> = {}): Chrome {
  return {
    sections: SECTIONS,
    currentSection: null,
    breaking: null,
    topNews: [],
    slots: { date: <p class="dateline">الجمعة، 21 تشرين الثاني 2025</p>, temperature: '28.5°C' },
    ...overrides,
  };
}

/** A teaser linking to the article's page. */
export const teaser = (article: ArticleMeta): Teaser => ({ article, url: articlePath(article.slug) });

/** FEATURES with a lead photo in R2 (1600 × 900), under another slug. */
export function withPhoto(slug: string, title = `خبر مصوّر ${slug}`): ArticleMeta {
  const image = { src: '/media/x.jpg', alt: `صورة ${slug}`, caption: null, width: 1600, height: 900 };
  return { ...FEATURES, slug, title, image: { ...image, media: FIXTURE_MEDIA } };
}

/** FEATURES without any image. */
export const withoutPhoto = (slug: string, title = `خبر بلا صورة ${slug}`): ArticleMeta => ({
  ...FEATURES,
  slug,
  title,
  image: null,
});

/** FEATURES with an image outside R2 whose size is unknown (a remote lead image). */
export const withRemoteImage = (slug: string): ArticleMeta => ({
  ...FEATURES,
  slug,
  title: `خبر بصورة خارجية ${slug}`,
  image: { src: 'https://images.example/lead.jpg', alt: 'صورة خارجية', caption: null, width: null, height: null },
});
