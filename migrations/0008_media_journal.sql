-- Publishing over the network (issue 22): a run no longer lists the whole MEDIA bucket to find what is unused.
-- Before it uploads an object, or writes rows that stop naming one, it notes the object here: a card key
-- (`card/<hash>.<ext>`) or an image's prefix (`img/<hash>/`). Once D1 holds its rows, it deletes the noted objects
-- nothing names and clears the notes; a run that stops before that leaves them for the next one to check.
CREATE TABLE media_journal (
  key TEXT PRIMARY KEY
) WITHOUT ROWID;
