import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import worker from '../../src/index.ts';
import { WEATHER_KEY } from '../../src/weather/kv.ts';
import { fakeUpstream } from '../helpers/upstream.ts';

/** The production Worker, with the platform's fetch replaced by the fake upstream. */
function stubUpstream(upstream: ReturnType<typeof fakeUpstream>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => upstream.fetch(String(input), init));
}

async function runCron() {
  const controller = createScheduledController({ scheduledTime: new Date(), cron: '*/10 * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

const stored = async () => JSON.parse((await env.WEATHER_KV.get(WEATHER_KEY)) ?? 'null');

beforeEach(() => env.WEATHER_KV.delete(WEATHER_KEY));
afterEach(() => {
  vi.restoreAllMocks();
});

describe('scheduled handler (cron trigger)', () => {
  it('stores a good upstream answer', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 23.9 });
    stubUpstream(upstream);
    await runCron();
    expect(upstream.calls.map((c) => c.url)).toEqual([env.WEATHER_URL]);
    expect(await stored()).toMatchObject({ tempC: 23.9, source: 'open-meteo' });
  });

  it('keeps the last good value when the upstream fails', async () => {
    const good = {
      tempC: 14.2,
      observedAt: new Date().toISOString(),
      fetchedAt: new Date().toISOString(),
      source: 'open-meteo',
    };
    await env.WEATHER_KV.put(WEATHER_KEY, JSON.stringify(good));
    for (const answer of [
      { kind: 'status', status: 429, body: '{"error":true,"reason":"Too many requests"}' },
      { kind: 'ok', tempC: 999 },
    ] as const) {
      stubUpstream(fakeUpstream(answer));
      await runCron();
      expect(await stored()).toEqual(good);
    }
  });
});

describe('production wiring', () => {
  it('the deployed entry reads WEATHER_URL and shows the upstream temperature in the header', async () => {
    const upstream = fakeUpstream({ kind: 'ok', tempC: 31.26 });
    stubUpstream(upstream);
    await runCron();
    const html = await (await exports.default.fetch(new Request('https://site.test/'))).text();
    expect(html).toContain('<p class="temp"><b>31.3°C</b> درجة الحرارة في بيروت</p>');
  });
});
