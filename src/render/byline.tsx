/** The byline under an article's headline: its named writers linked to their pages, and the desk or wire byline. */
import type { Article } from '../content/types.ts';
import type { AuthorLink } from './page-data.ts';

export interface BylineProps {
  article: Article;
  authors: AuthorLink[];
  /** `article.author` is the paper's default byline: left out beside named writers. */
  defaultAuthor: boolean;
}

/**
 * `رنا حداد، مراسلة في بيروت، وسامي خوري · رويترز`: each writer's name linked (rel=author) with their role,
 * joined as Arabic prose ("و" cleaves to the next name); then the free-text byline unless it is the default desk. Without named writers, the free-text
 * byline alone, as before.
 */
export function Byline({ article, authors, defaultAuthor }: BylineProps) {
  if (authors.length === 0) return <p class="byline">{article.author}</p>;
  return (
    <p class="byline">
      {authors.map((author, i) => (
        <>
          {i === 0 ? null : <span>{authors[i - 1]?.role ? '، و' : ' و'}</span>}
          <a href={author.url} rel="author">
            {author.name}
          </a>
          {author.role ? <span class="role">، {author.role}</span> : null}
        </>
      ))}
      {defaultAuthor ? null : <span class="desk"> · {article.author}</span>}
    </p>
  );
}
