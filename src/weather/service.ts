/**
 * The temperature shown in headers: per-isolate memory in front of one KV read, refreshed from the upstream
 * in the background (single-flight), and by the cron trigger. A request waits for the upstream only when KV
 * has never held a value, and then briefly.
 */
import { SingleFlight } from '../lib/single-flight.ts';
import { readWeather, type WeatherRead, writeWeather } from './kv.ts';
import { type StoredWeather, WEATHER_RULES } from './types.ts';
import { type FetchFn, fetchWeather } from './upstream.ts';

interface WeatherDeps {
  fetch: FetchFn;
  now: () => number;
}

/** What a request needs from the platform: the KV binding, the upstream URL, and a way to run work after the response. */
interface WeatherContext {
  kv: KVNamespace;
  url: string;
  waitUntil: (promise: Promise<unknown>) => void;
}

export type RefreshOutcome = { ok: true; value: StoredWeather; stored: boolean } | { ok: false; reason: string };

export interface WeatherService {
  /** The latest known value for a page header (possibly stale), or null when nothing is known. */
  current(ctx: WeatherContext): Promise<StoredWeather | null>;
  /** Fetches the upstream now and stores a good answer (the cron trigger's job). Single-flight per isolate. */
  refresh(kv: KVNamespace, url: string): Promise<RefreshOutcome>;
}

const SOURCE = 'open-meteo';

export function createWeatherService(deps: WeatherDeps): WeatherService {
  // `missing`: KV had no value at all when last read (the only case in which a request may wait).
  let memory: { value: StoredWeather | null; missing: boolean; readAt: number } | null = null;
  // Shared between requests through SingleFlight, which hands each request a promise of its own.
  const refreshes = new SingleFlight<'refresh', RefreshOutcome>();
  const reads = new SingleFlight<'read', WeatherRead>();
  let lastFailureAt = Number.NEGATIVE_INFINITY;

  /** One KV read at a time per isolate; a slow read never replaces a newer value already in memory. */
  async function load(kv: KVNamespace): Promise<{ value: StoredWeather | null; missing: boolean }> {
    const read = await reads.run('read', () => readWeather(kv));
    const value = newer(memory?.value ?? null, read.value);
    memory = { value, missing: value === null && read.state === 'missing', readAt: deps.now() };
    return memory;
  }

  function refresh(kv: KVNamespace, url: string): Promise<RefreshOutcome> {
    return refreshes.run('refresh', async (): Promise<RefreshOutcome> => {
      const answer = await fetchWeather(deps.fetch, url, deps.now);
      if (!answer.ok) {
        lastFailureAt = deps.now();
        console.warn('weather: upstream answer rejected, keeping the last good value:', answer.reason);
        return answer;
      }
      const value: StoredWeather = {
        tempC: answer.tempC,
        observedAt: answer.observedAt,
        fetchedAt: new Date(deps.now()).toISOString(),
        source: SOURCE,
      };
      memory = { value, missing: false, readAt: deps.now() };
      const stored = await writeWeather(kv, value);
      return { ok: true, value, stored };
    });
  }

  async function current({ kv, url, waitUntil }: WeatherContext): Promise<StoredWeather | null> {
    const now = deps.now();
    const { value, missing } = memory && now - memory.readAt < WEATHER_RULES.memoryTtlMs ? memory : await load(kv);
    const due = value === null || now - Date.parse(value.fetchedAt) > WEATHER_RULES.refreshAfterMs;
    if (!due || now - lastFailureAt < WEATHER_RULES.retryAfterFailureMs) return value;

    const pending = refresh(kv, url);
    waitUntil(pending);
    // Only when KV has never held a value does the request wait for the first answer, and only briefly;
    // an unreadable KV (a failed read, corrupt JSON) is refreshed in the background like a stale value.
    if (!missing) return value;
    const first = await Promise.race([
      pending,
      new Promise<null>((resolve) => setTimeout(resolve, WEATHER_RULES.firstFetchWaitMs, null)),
    ]);
    return first?.ok ? first.value : null;
  }

  return { current, refresh };
}

/** The more recently fetched of two values. */
function newer(a: StoredWeather | null, b: StoredWeather | null): StoredWeather | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.fetchedAt) > Date.parse(a.fetchedAt) ? b : a;
}

/** The temperature to show, or null when the value is missing or too old to be trusted. */
export function shownTemperature(value: StoredWeather | null, now: number): number | null {
  if (!value) return null;
  const age = now - Date.parse(value.observedAt);
  return age <= WEATHER_RULES.maxShownAgeMs ? value.tempC : null;
}
