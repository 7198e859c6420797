-- A smaller archive and bounded prefix search (issue 22): 100,000 articles within D1's 500 MB.
--
-- 1. `articles.body` now holds the markdown deflated (raw DEFLATE, a BLOB; src/store/body.ts), about a third of its
--    UTF-8 size. The column keeps its declaration: a row written before holds TEXT until the next publish rewrites
--    it (PUBLISH_FORMAT 4 makes it rewrite every article), and the Worker reads both.
-- 2. The search index is rebuilt with the body columns first. FTS5 writes a column number before the positions of
--    every column but the first, for each term of each article: with the body first, those two bytes are paid
--    for the few headline terms instead of every body term (a sixth of the index). Weights and queries name the
--    columns; bm25 takes its weights in this order (src/store/search.ts). The next publish refills it.
-- 3. `search_terms` lists the terms of the index with how many articles were indexed with each, so a search
--    expands the last word's prefix to its most common completions instead of every one (src/store/search.ts).
DROP TRIGGER article_search_on_delete;
DROP TABLE article_search;

CREATE VIRTUAL TABLE article_search USING fts5(
  -- Normalized body and headline (with tags and writers): exact matches, weighted above the stems.
  body,
  title,
  -- Light10 stems of the body and headline, then their proclitic readings (src/search/stem.ts).
  body_stem,
  title_stem,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_search_on_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END;

-- kind 0: a term of the exact columns (body, title); 1: of the stem columns. Only terms long enough to complete a
-- prefix (src/search/query.ts). `docs` counts index writes that held the term: it grows when an article is
-- rewritten and never shrinks when one leaves, which only orders completions, and a stale term matches nothing.
CREATE TABLE search_terms (
  kind INTEGER NOT NULL,
  term TEXT NOT NULL,
  docs INTEGER NOT NULL,
  PRIMARY KEY (kind, term)
) WITHOUT ROWID;
