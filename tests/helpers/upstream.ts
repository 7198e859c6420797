/** A fake weather upstream speaking Open-Meteo's format (the fields the site reads), with switchable answers. */
import type { FetchFn } from '../../src/weather/upstream.ts';

export type Answer =
  | { kind: 'ok'; tempC: unknown; time?: string; unit?: string }
  | { kind: 'status'; status?: number; body: string }
  /** `refused`: the upstream process is gone. */
  | { kind: 'hang' | 'refused' };

/** Open-Meteo's `current.time`: UTC wall time without zone, minute precision. */
export const openMeteoTime = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 16);

/** The answer as Open-Meteo's `/v1/forecast` would send it; scripts/fake-weather.ts serves it over HTTP. */
export async function openMeteoAnswer(answer: Answer): Promise<Response> {
  if (answer.kind === 'status') return new Response(answer.body, { status: answer.status ?? 200 });
  if (answer.kind === 'refused') throw new TypeError('Network connection lost.');
  if (answer.kind !== 'ok') return new Promise<never>(() => {});
  const current = { time: answer.time ?? openMeteoTime(Date.now()), temperature_2m: answer.tempC };
  return Response.json({ utc_offset_seconds: 0, current_units: { temperature_2m: answer.unit ?? '°C' }, current });
}

/** The fake as a fetch function that honours the abort signal, recording every call; set `answer` to switch it. */
export function fakeUpstream(answer: Answer) {
  const calls: { url: string; userAgent: string | null; aborted: boolean }[] = [];
  const fetch: FetchFn = (url, init) => {
    const call = { url, userAgent: new Headers(init?.headers).get('User-Agent'), aborted: false };
    calls.push(call);
    const aborted = new Promise<never>((_, reject) => {
      const abort = () => {
        call.aborted = true;
        reject(init?.signal?.reason);
      };
      if (init?.signal?.aborted) abort();
      init?.signal?.addEventListener('abort', abort);
    });
    return Promise.race([openMeteoAnswer(upstream.answer), aborted]);
  };
  const upstream = { answer, calls, fetch };
  return upstream;
}
