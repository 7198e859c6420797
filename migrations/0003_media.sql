-- Photos in R2 (issue #13). The lead image's variants live in articles.image (JSON, key `media`); every article
-- published by the Node publisher also gets a share card (og:image), whose R2 key is stored here.
ALTER TABLE articles ADD COLUMN card TEXT;
