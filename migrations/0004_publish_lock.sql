-- One publish at a time (issue #19): before it writes anything, the publish step takes this table's one row with a
-- single conditional statement (src/publish/lock-row.ts), renews it while it runs and deletes it at the end. A run
-- that died leaves the row behind; the next one takes it over once `expires_ms` has passed.
CREATE TABLE publish_lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- Who holds it, for the message the next run shows: `pid 1234 on ci-runner-7 (3f9a1c2e)`.
  holder TEXT NOT NULL,
  -- Epoch milliseconds: when the holder took it, and when it is free for anyone if not renewed.
  started_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL
);
