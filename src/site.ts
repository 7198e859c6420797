/** Fixed facts about the publication, shown on every page. */
export const SITE_NAME = 'جريدة الأيام الإلكترونية';
/** The language and direction of every page, AMP page and JSON article. */
export const SITE_LANG = 'ar';
export const SITE_DIR = 'rtl';
/** Logo for structured data (publisher.logo), a file under public/. */
export const SITE_LOGO = { path: '/images/logo.png', width: 600, height: 60 };
/** The byline of an article that names none: the paper's desk. */
export const DEFAULT_AUTHOR = 'تحرير جريدة الأيام الإلكترونية';
