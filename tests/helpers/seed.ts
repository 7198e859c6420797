/** The one article in content/ (the seed article): its slug is Arabic, so its URL path is percent-encoded. */
export const SEED_SLUG = 'قمة-كيم-بوتين';
export const SEED_ARTICLE_PATH = `/articles/${encodeURIComponent(SEED_SLUG)}`;
