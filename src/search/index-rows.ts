/** What the search index holds for one article: the values of its row in `article_search` (migrations/0002). */
import { terms } from './normalize.ts';
import { stems } from './stem.ts';

/** The text of an article that search reads. */
export interface IndexableText {
  title: string;
  /** The body as plain text (markdown syntax removed), e.g. `tokensToText(lexBody(article.body))`. */
  text: string;
  /** Its tags: a reader searching a section's name (ثقافة) finds what is filed under it. */
  tags: readonly string[];
}

/** The columns of an article's row in `article_search` (its rowid is `articles.id`). */
export interface SearchColumns {
  /** Normalized headline (then the tags, weighted as the headline) and body: exact matches. */
  title: string;
  body: string;
  /** Stems of the headline and body (see `stemmedText`): matches through light stemming. */
  titleStem: string;
  bodyStem: string;
}

/** The index columns for an article's text. */
export function searchColumns(article: IndexableText): SearchColumns {
  // Tags follow the headline in its column (a separate column would need a new FTS5 table): a quoted phrase can
  // then match across the headline's last word and a tag, a rare false match accepted to keep the index's schema.
  const titleTerms = [article.title, ...article.tags].flatMap(terms);
  const bodyTerms = terms(article.text);
  return {
    title: titleTerms.join(' '),
    body: bodyTerms.join(' '),
    titleStem: stemmedText(titleTerms),
    bodyStem: stemmedText(bodyTerms),
  };
}

/**
 * The light10 stem of every term in order (so quoted phrases match on stems too), followed once each by the other
 * stems the terms may stand for (proclitic readings, see `stems`): those extras sit after the text so they never
 * break a phrase.
 */
function stemmedText(normalizedTerms: readonly string[]): string {
  const primary: string[] = [];
  const extra = new Set<string>();
  for (const term of normalizedTerms) {
    const [first, ...others] = stems(term);
    primary.push(first ?? term);
    for (const other of others) extra.add(other);
  }
  return [...primary, ...extra].join(' ');
}
