/** The path of any page of a list (the archive, a tag, a section, a writer's articles), for pagers. */
import { authorListPath, listPath, sectionListPath } from '../paths.ts';
import type { ListKind } from './page-data.ts';

/**
 * Page `page` (1-based) of a list: `/`, `/page/N`, `/tags/<tag>[/page/N]`, `/sections/<slug>[/page/N]` or
 * `/authors/<slug>[/page/N]`.
 */
export function listKindPath(list: ListKind, page: number): string {
  switch (list.kind) {
    case 'archive':
      return listPath(null, page);
    case 'tag':
      return listPath(list.tag, page);
    case 'section':
      return sectionListPath(list.section.slug, page);
    case 'author':
      return authorListPath(list.author.slug, page);
  }
}
