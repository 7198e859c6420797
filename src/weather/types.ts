/** The temperature record kept in KV and memory. */
export interface StoredWeather {
  /** Air temperature at 2 m, °C. */
  tempC: number;
  /** When the upstream observed it (ISO 8601, UTC). */
  observedAt: string;
  /** When we fetched it (ISO 8601, UTC). */
  fetchedAt: string;
  /** Which upstream answered, e.g. "open-meteo". */
  source: string;
}

/** Freshness rules, in milliseconds. */
export const WEATHER_RULES = {
  /** Older observations are not shown (placeholder instead), and are rejected from the upstream. */
  maxShownAgeMs: 3 * 60 * 60 * 1000,
  /** A stored value fetched longer ago than this triggers a background refresh. */
  refreshAfterMs: 15 * 60 * 1000,
  /** How long an isolate trusts its in-memory copy before reading KV again. */
  memoryTtlMs: 60 * 1000,
  /** After a failed refresh, an isolate waits this long before trying again. */
  retryAfterFailureMs: 60 * 1000,
  /** Upstream call timeout. */
  upstreamTimeoutMs: 2000,
  /** The longest a request waits for the upstream, only when KV has never held a value. */
  firstFetchWaitMs: 1000,
  /** KV expiry: long, so a stale value can still be read; freshness is decided in code. */
  kvTtlSeconds: 7 * 24 * 60 * 60,
} as const;
