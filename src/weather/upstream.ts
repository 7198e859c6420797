/** The weather upstream (Open-Meteo's format): one call with a timeout, and strict checks on the answer. */
import { WEATHER_RULES } from './types.ts';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

type UpstreamResult = { ok: true; tempC: number; observedAt: string } | { ok: false; reason: string };

/** Names the site to the upstream (ASCII only: header values must be). */
export const USER_AGENT = 'al-ayyam-edge/1.0 (Al-Ayyam e-newspaper; Beirut temperature for the site header)';

/**
 * Checks an upstream answer. Accepts only HTTP 200, JSON, unit °C, a finite temperature in [-40, 60],
 * and an observation no older than 3 hours (and not in the future).
 */
export function parseWeatherAnswer(status: number, text: string, now: number): UpstreamResult {
  if (status !== 200) return { ok: false, reason: `HTTP ${status}: ${text.slice(0, 120)}` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: `not JSON: ${text.slice(0, 80)}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, reason: 'not a JSON object' };
  const body = data as {
    current?: { temperature_2m?: unknown; time?: unknown };
    current_units?: { temperature_2m?: unknown };
    utc_offset_seconds?: unknown;
  };
  const unit = body.current_units?.temperature_2m;
  if (unit !== '°C') return { ok: false, reason: `unit ${JSON.stringify(unit)}, expected "°C"` };
  const temp = body.current?.temperature_2m;
  if (typeof temp !== 'number' || !Number.isFinite(temp) || temp < -40 || temp > 60) {
    return { ok: false, reason: `temperature ${JSON.stringify(temp)} is not a number between -40 and 60` };
  }
  const time = body.current?.time;
  if (typeof time !== 'string') return { ok: false, reason: 'current.time missing' };
  // Open-Meteo gives local wall time without a zone, plus utc_offset_seconds (0 unless a timezone was asked for).
  const offset = typeof body.utc_offset_seconds === 'number' ? body.utc_offset_seconds : 0;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(time);
  const observed = Date.parse(hasZone ? time : `${time}Z`) - (hasZone ? 0 : offset * 1000);
  if (!Number.isFinite(observed)) return { ok: false, reason: `current.time "${time}" is not a time` };
  if (now - observed > WEATHER_RULES.maxShownAgeMs)
    return { ok: false, reason: `observation ${time} is older than 3 hours` };
  if (observed - now > 60 * 60 * 1000) return { ok: false, reason: `observation ${time} is in the future` };
  return { ok: true, tempC: temp, observedAt: new Date(observed).toISOString() };
}

/** Calls the upstream once, with a timeout and our User-Agent; never throws. */
export async function fetchWeather(fetchFn: FetchFn, url: string, now: () => number): Promise<UpstreamResult> {
  try {
    const res = await fetchFn(url, {
      headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
      signal: AbortSignal.timeout(WEATHER_RULES.upstreamTimeoutMs),
    });
    const text = await res.text();
    return parseWeatherAnswer(res.status, text, now());
  } catch (error) {
    const name = (error as Error).name;
    return {
      ok: false,
      reason:
        name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : `fetch failed: ${(error as Error).message}`,
    };
  }
}
