/** A fake weather upstream: a tiny Hono app speaking Open-Meteo's format, with switchable answers. */
import { Hono } from 'hono';
import type { FetchFn } from '../../src/weather/upstream.ts';

export type Answer =
  | { kind: 'ok'; tempC: unknown; time?: string; unit?: string }
  | { kind: 'status'; status: number; body: string; contentType?: string }
  | { kind: 'raw'; body: string }
  | { kind: 'hang' }
  /** The upstream process is gone: the connection is refused. */
  | { kind: 'refused' };

/** Open-Meteo's `current.time`: UTC wall time without zone, minute precision. */
export const openMeteoTime = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 16);

/**
 * Open-Meteo's `/v1/forecast` as a tiny Hono app answering whatever `answer()` says now. The one fake upstream:
 * tests call it in-process (fakeUpstream), scripts/fake-weather.ts serves it over HTTP.
 */
export function openMeteoApp(answer: () => Answer) {
  const app = new Hono();
  app.get('/v1/forecast', (c) => {
    const now = answer();
    if (now.kind === 'ok') {
      return c.json({
        latitude: 33.89,
        longitude: 35.5,
        utc_offset_seconds: 0,
        current_units: { time: 'iso8601', interval: 'seconds', temperature_2m: now.unit ?? '°C' },
        current: { time: now.time ?? openMeteoTime(Date.now()), interval: 900, temperature_2m: now.tempC },
      });
    }
    if (now.kind === 'raw') return c.body(now.body, 200, { 'Content-Type': 'application/json' });
    if (now.kind !== 'status') return c.body('unreachable', 500);
    return c.body(now.body, now.status as 200, { 'Content-Type': now.contentType ?? 'application/json' });
  });
  return app;
}

/** The fake upstream as a fetch function, recording every call, with an answer a test can switch. */
export function fakeUpstream(initial: Answer) {
  let answer = initial;
  const calls: { url: string; userAgent: string | null; aborted: boolean }[] = [];
  const app = openMeteoApp(() => answer);

  /** Behaves like fetch: honours the abort signal, and never answers while hanging. */
  const fetch: FetchFn = (input, init) => {
    const request = new Request(input, { headers: init?.headers });
    const call = { url: request.url, userAgent: request.headers.get('User-Agent'), aborted: false };
    calls.push(call);
    const aborted = new Promise<never>((_, reject) => {
      const signal = init?.signal;
      const abort = () => {
        call.aborted = true;
        reject(signal?.reason);
      };
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort);
    });
    const answered =
      answer.kind === 'hang'
        ? new Promise<never>(() => {})
        : answer.kind === 'refused'
          ? Promise.reject(new TypeError('Network connection lost.'))
          : Promise.resolve(app.fetch(request));
    return Promise.race([answered, aborted]);
  };

  const switchTo = (next: Answer) => {
    answer = next;
  };
  return { fetch, calls, answer: switchTo };
}
