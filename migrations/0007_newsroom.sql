-- The newsroom's formats (issue #21): writers with their own pages, live coverage, and visible corrections.

-- Writers: one row per content/authors/<slug>.md, written by the publish step. Their articles are the list
-- 'a:<slug>' of `listings`.
CREATE TABLE authors (
  slug TEXT PRIMARY KEY,
  file TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT,
  -- JSON: { src, width, height, media? } or NULL.
  photo TEXT,
  -- JSON array of https URLs.
  links TEXT NOT NULL,
  -- Markdown.
  bio TEXT NOT NULL,
  -- Hash of everything above: the publish step rewrites an author whose version changed.
  version TEXT NOT NULL
) WITHOUT ROWID;

-- JSON array of { slug, name, role }: the article's named writers, as its byline shows them.
ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
-- JSON { start, end, lastUpdate } for a live article, NULL for any other.
ALTER TABLE articles ADD COLUMN live TEXT;
-- JSON array of { id, time, title, line }: a live article's updates, where they start in the body.
ALTER TABLE articles ADD COLUMN live_updates TEXT NOT NULL DEFAULT '[]';
-- JSON array of { date, text }, oldest first.
ALTER TABLE articles ADD COLUMN corrections TEXT NOT NULL DEFAULT '[]';

-- Every correction across the archive, for /corrections (newest first): one row per correction, written with
-- its article, gone with it.
CREATE TABLE corrections (
  slug TEXT NOT NULL REFERENCES articles (slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date_ms INTEGER NOT NULL,
  date TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (slug, position)
) WITHOUT ROWID;
CREATE INDEX corrections_by_date ON corrections (date_ms, slug, position);
