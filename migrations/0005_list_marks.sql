-- Lists are renumbered inside the batch that changes them, so readers never see a list half numbered (issue #19).
-- A mark now says where the change starts: entries below (from_ms, from_slug) keep their seq, and the ones from it
-- up are renumbered after the entry just below. A mark without a start (left by an older run) renumbers the list
-- from its oldest entry. Marks only live inside a batch; one left between batches comes from a run before this
-- migration, and the next publish repairs it.
ALTER TABLE dirty_lists ADD COLUMN from_ms INTEGER;
ALTER TABLE dirty_lists ADD COLUMN from_slug TEXT;
