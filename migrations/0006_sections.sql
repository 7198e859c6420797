-- Sections (issue #20): content/site.yaml's sections, written by the publish step, read by the Worker for the nav
-- bar and the section pages. A section's articles are one list of `listings` ('s:<slug>'), filled from its tags.
CREATE TABLE sections (
  slug TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- Nav order, from 0.
  position INTEGER NOT NULL,
  -- JSON array of the article tags the section gathers.
  tags TEXT NOT NULL
) WITHOUT ROWID;

-- Breaking news: the newest such article leads the "عاجل" bar of every page for 6 hours after its time; the
-- 'breaking' list of `listings` finds it with one index range.
ALTER TABLE articles ADD COLUMN breaking INTEGER NOT NULL DEFAULT 0 CHECK (breaking IN (0, 1));
