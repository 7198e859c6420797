/** The paper's sections (from content/site.yaml) as the publisher writes them and the Worker reads them. */

/** A section of the paper: a page and a nav entry gathering articles by tag. */
export interface Section {
  slug: string;
  name: string;
  /** The article tags it gathers: an article belongs to every section one of whose tags it has. */
  tags: string[];
}

export interface SiteConfig {
  /** In nav order. */
  sections: Section[];
}

/** The most sections the nav bar holds. */
export const MAX_SECTIONS = 20;

/** The sections an article with these tags belongs to, in nav order. */
export function sectionsOf(sections: readonly Section[], tags: readonly string[]): Section[] {
  return sections.filter((section) => section.tags.some((tag) => tags.includes(tag)));
}
