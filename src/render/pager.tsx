/** The pager between the pages of a list: the archive (/page/N), a tag's, a section's or a writer's pages. */
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

/** The pager of a list of articles; nothing when there is one page. */
export function Pager({ list, page, hasOlder }: PagerProps) {
  return (
    <PagerLinks
      label="صفحات الأرشيف"
      newer={page > 1 ? listKindPath(list, page - 1) : null}
      older={hasOlder ? listKindPath(list, page + 1) : null}
    />
  );
}

/** "الأحدث" (rel=prev) and "الأقدم" (rel=next) links to the given paths; nothing when there are neither. */
export function PagerLinks({ label, newer, older }: { label: string; newer: string | null; older: string | null }) {
  if (newer === null && older === null) return null;
  return (
    <nav class="pager" aria-label={label}>
      {newer !== null ? (
        <a href={newer} rel="prev">
          الأحدث
        </a>
      ) : null}
      {older !== null ? (
        <a href={older} rel="next">
          الأقدم
        </a>
      ) : null}
    </nav>
  );
}
