/** "مقالات ذات صلة": up to three other articles at the end of an article page (HTML and AMP), as photo cards. */
import type { Teaser } from './page-data.ts';
import { FIT, TeaserList } from './teaser.tsx';

/** How many related articles an article page shows (the store also reads no more than this). */
const SHOWN = 3;

/** The related articles as given (the caller picks them: shared tag, newest first); nothing when there are none. */
export function RelatedArticles({ teasers, amp = false }: { teasers: Teaser[]; amp?: boolean }) {
  const shown = teasers.slice(0, SHOWN);
  if (shown.length === 0) return null;
  return (
    <section class="related" aria-labelledby="related-title">
      <h2 id="related-title" class="bar">
        مقالات ذات صلة
      </h2>
      <TeaserList teasers={shown} look="card" level={3} fit={FIT.related} amp={amp} class="cards" />
    </section>
  );
}
