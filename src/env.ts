/** Bindings and vars from wrangler.toml. */
export interface Env {
  /** Public origin of the site, e.g. https://example.com: the only source of absolute URLs. */
  SITE_URL: string;
  /** Full URL of the weather upstream (Open-Meteo format). */
  WEATHER_URL: string;
  /** Holds the last good Beirut temperature. */
  WEATHER_KV: KVNamespace;
  /** The article archive (migrations/). */
  DB: D1Database;
  /** Static files from public/. */
  ASSETS: Fetcher;
  /** Photos, their variants and share cards, written by the publisher under content-hashed keys. */
  MEDIA: R2Bucket;
}
