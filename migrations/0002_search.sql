-- The search index: one row per article, rowid = articles.id, written by the publish step with the values from
-- src/search/index-rows.ts and queried by src/store/search.ts with expressions from src/search/query.ts.
-- The text is normalized before it gets here (src/search/normalize.ts: hamza/alef forms, ta marbuta, alef maqsura,
-- diacritics, tatweel, digits, NFKC, case), because unicode61 would split Arabic words at their diacritics and its
-- remove_diacritics only knows Latin. Contentless (content=''): the original text lives in `articles`;
-- contentless_delete=1 lets one article's row be replaced or deleted by rowid (one changed article, one update).
CREATE VIRTUAL TABLE article_search USING fts5(
  -- Normalized headline and body: exact matches, weighted above the stems.
  title,
  body,
  -- Light10 stems of the headline and body, then their proclitic readings (src/search/stem.ts).
  title_stem,
  body_stem,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- An article that leaves the archive (taken down) leaves the index with it.
CREATE TRIGGER article_search_on_delete AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = old.id;
END;
