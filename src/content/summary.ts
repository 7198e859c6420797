/**
 * The summary lists show when the front matter gives none: the first paragraph, cut at a word. Many papers open
 * the first paragraph with the headline as a dateline (`Headline/ Paper name في ...`, as the seed article does);
 * repeated under the headline in every list, it reads twice. So a leading copy of the headline is dropped, with
 * the separator and the paper's own name that follow it.
 */
import { cutAtWord } from '../markdown/plain-text.ts';
import { SITE_NAME } from '../site.ts';

/** Spaces, and the separators a dateline uses after the headline: / - – — : ، , | */
const SEPARATORS = /^[\s/\-–—:،,|]+/u;

const squash = (text: string) => text.replace(/\s+/gu, ' ').trim();

/** `paragraph` without a leading headline (and what follows it as a dateline); unchanged when it does not start so. */
export function withoutLeadingHeadline(paragraph: string, title: string): string {
  const text = squash(paragraph);
  const headline = squash(title);
  if (!headline || !text.startsWith(headline)) return text;
  let rest = text.slice(headline.length).replace(SEPARATORS, '');
  if (rest.startsWith(SITE_NAME)) rest = rest.slice(SITE_NAME.length).replace(SEPARATORS, '');
  // A paragraph that is only the headline (and a dateline) says nothing more: keep it rather than show nothing.
  return rest || text;
}

/** The summary from the first paragraph's plain text, or the whole text when the body has no paragraph. */
export function summaryFrom(firstParagraph: string | null, text: string, title: string): string {
  return cutAtWord(firstParagraph === null ? text : withoutLeadingHeadline(firstParagraph, title));
}
