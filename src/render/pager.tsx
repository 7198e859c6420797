/** The pager between the pages of a list: the archive (/page/N), a tag's pages, a section's pages. */
import { listKindPath } from './list-paths.ts';
import type { ListKind } from './page-data.ts';

export interface PagerProps {
  /** The list whose pages these are. */
  list: ListKind;
  /** The current page, 1-based. */
  page: number;
  /** Whether a page of older articles follows. */
  hasOlder: boolean;
}

/** "الأحدث" (rel=prev, to page - 1) and "الأقدم" (rel=next, to page + 1) links; nothing when there is one page. */
export function Pager({ list, page, hasOlder }: PagerProps) {
  const hasNewer = page > 1;
  if (!hasNewer && !hasOlder) return null;
  return (
    <nav class="pager" aria-label="صفحات الأرشيف">
      {hasNewer ? (
        <a href={listKindPath(list, page - 1)} rel="prev">
          الأحدث
        </a>
      ) : null}
      {hasOlder ? (
        <a href={listKindPath(list, page + 1)} rel="next">
          الأقدم
        </a>
      ) : null}
    </nav>
  );
}
