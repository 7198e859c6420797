-- The article archive. Written only by the publish step (src/publish/), read by the Worker (src/store/).
-- Every list the site serves is answered from `listings`, whose primary key is the list's newest-first order.

-- One row per published article (including ones scheduled for a future minute: reads filter on published_ms).
CREATE TABLE articles (
  -- Stable row id: kept across edits (upserts never replace the row), so the search index can key on it.
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  -- Source file, relative to the project root.
  file TEXT NOT NULL,
  title TEXT NOT NULL,
  -- ISO 8601 with the Asia/Beirut offset, as shown to readers.
  published_at TEXT NOT NULL,
  -- The same instant in epoch milliseconds: ordering and scheduled publishing.
  published_ms INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  summary TEXT NOT NULL,
  author TEXT NOT NULL,
  source TEXT,
  -- JSON: { src, alt, caption, width, height } or NULL.
  image TEXT,
  -- JSON array of tags in the editor's order (for display); article_tags is the join table.
  tags TEXT NOT NULL,
  top INTEGER NOT NULL CHECK (top IN (0, 1)),
  reading_minutes INTEGER NOT NULL,
  -- Markdown body without front matter, and the measured sizes of its local images (JSON).
  body TEXT NOT NULL,
  body_images TEXT NOT NULL,
  -- Hash of the source file and the measured image sizes: changes whenever the article's output can change.
  version TEXT NOT NULL
);

-- The join table between articles and their tags.
CREATE TABLE article_tags (
  slug TEXT NOT NULL REFERENCES articles (slug) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (slug, position)
) WITHOUT ROWID;
CREATE INDEX article_tags_by_tag ON article_tags (tag);

-- Every list an article appears in, in newest-first order: 'all', 'top', 'rest' (not top), 't:<tag>',
-- 't:<tag>|top', 't:<tag>|rest'. `seq` numbers each list from its oldest entry (1) to its newest, so a page
-- number maps to a seq range (no OFFSET scan) and the number of entries visible at a time is the seq of the
-- newest visible one.
CREATE TABLE listings (
  list TEXT NOT NULL,
  published_ms INTEGER NOT NULL,
  slug TEXT NOT NULL REFERENCES articles (slug) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  PRIMARY KEY (list, published_ms, slug)
) WITHOUT ROWID;
CREATE INDEX listings_by_seq ON listings (list, seq);
CREATE INDEX listings_by_slug ON listings (slug);

-- Lists whose seq needs renumbering: marked in the same batch as the change, cleared once renumbered, so a publish
-- interrupted in between is finished by the next one.
CREATE TABLE dirty_lists (
  list TEXT PRIMARY KEY
) WITHOUT ROWID;

-- Articles that were published and then removed from content/: they answer 410 Gone.
CREATE TABLE takedowns (
  slug TEXT PRIMARY KEY,
  removed_at TEXT NOT NULL
) WITHOUT ROWID;
