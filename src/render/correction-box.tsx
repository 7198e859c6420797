/** The "تصحيح" box at the end of a corrected article (HTML and AMP). */
import type { Child } from 'hono/jsx';
import type { CorrectionView } from './page-data.ts';
import { formatDate } from './reader-date.ts';

export interface CorrectionBoxProps {
  /** Oldest first; none: no box. */
  corrections: CorrectionView[];
  /** Inserts a correction's sanitized inline HTML (the article page's one way to insert markup). */
  markup: (html: string) => Child;
}

/** "تصحيح" (or "تصحيحات" for several), then each correction after its date. */
export function CorrectionBox({ corrections, markup }: CorrectionBoxProps) {
  if (corrections.length === 0) return null;
  return (
    <section class="fix" aria-labelledby="fix-title">
      <h2 id="fix-title">{corrections.length === 1 ? 'تصحيح' : 'تصحيحات'}</h2>
      {corrections.map((correction) => (
        <p>
          <time datetime={correction.date}>{formatDate(correction.date)}</time> {markup(correction.html)}
        </p>
      ))}
    </section>
  );
}
