/**
 * The global traffic model (bench/traffic/): its traffic is a function of its seed, its round trips stay near
 * public city-pair pings, and a tiny run through the real app reads D1 where each design says and shows the
 * article it publishes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VirtualCache } from '../../bench/traffic/colo-cache.ts';
import { PINGS, rttMs } from '../../bench/traffic/colos.ts';
import { ISOLATE_MODEL } from '../../bench/traffic/isolates.ts';
import { configOf, FULL, QUICK, runModel } from '../../bench/traffic/run.ts';
import { requests, type TrafficPlan } from '../../bench/traffic/traffic.ts';
import { VALID_UNTIL } from '../../src/cache/colo.ts';

const plan = (seed: number): TrafficPlan => ({
  seed,
  durationMs: 10 * 60_000,
  baselineRps: 3,
  spike: { startMs: 4 * 60_000, durationMs: 2 * 60_000, factor: 20, slug: 'story' },
  recent: Array.from({ length: 500 }, (_, i) => `a${i}`),
  sections: ['lebanon', 'world'],
  tags: ['لبنان', 'سياسة', 'اقتصاد'],
  queries: ['بيروت', 'الحكومة'],
  archivePages: 20,
});

describe('the traffic generator', () => {
  it('gives the same requests for the same seed, and others for another seed', () => {
    const first = [...requests(plan(1))];
    expect([...requests(plan(1))]).toEqual(first);
    expect([...requests(plan(2))].slice(0, 50)).not.toEqual(first.slice(0, 50));
  });

  it('sends the spike its factor of traffic, mostly to the new article', () => {
    const all = [...requests(plan(1))];
    const inSpike = all.filter((r) => r.t >= 4 * 60_000 && r.t < 6 * 60_000);
    const before = all.filter((r) => r.t < 4 * 60_000);
    // Per minute: 20× the baseline, within Poisson noise.
    expect(inSpike.length / 2 / (before.length / 4)).toBeGreaterThan(16);
    expect(inSpike.length / 2 / (before.length / 4)).toBeLessThan(24);
    const story = inSpike.filter((r) => r.path.startsWith('/articles/story'));
    expect(story.length / inSpike.length).toBeGreaterThan(0.75);
    expect(all.every((r, i) => i === 0 || r.t >= (all[i - 1]?.t ?? 0))).toBe(true);
  });
});

describe('the command line', () => {
  it('runs the full model by default, and the what-ifs it is asked for', () => {
    expect(configOf(['--traffic'])).toEqual(FULL);
    expect(configOf(['--traffic', '--quick']).size).toBe(QUICK.size);
    const whatIf = configOf(['--traffic', '--replicas-everywhere', '--isolate-rps=1000', '--rps=20']);
    expect(whatIf.replicasEverywhere).toBe(true);
    expect(whatIf.isolates.capacityRps).toBe(1000);
    expect(whatIf.baselineRps).toBe(20);
    expect(whatIf.coloForever).toBe(false);
    expect(configOf(['--traffic', '--colo-cache-forever']).coloForever).toBe(true);
    expect(() => configOf(['--traffic', '--rps=none'])).toThrow('--rps');
  });
});

describe("a colo's cache in the model", () => {
  it('keeps an entry for its max-age; the --colo-cache-forever what-if keeps it and says it is valid a second more', async () => {
    let now = 1_000_000;
    const clock = { now: () => now, landsAt: () => now };
    const entry = () =>
      new Response('template', {
        headers: { 'Cache-Control': 'public, max-age=30', [VALID_UNTIL]: String(now + 30_000) },
      });
    const plain = new VirtualCache(clock);
    const forever = new VirtualCache(clock, { forever: true });
    await plain.put('https://colo/a', entry());
    await forever.put('https://colo/a', entry());
    now += 29_000;
    expect(await (await plain.match('https://colo/a'))?.text()).toBe('template');
    now += 2_000;
    expect(await plain.match('https://colo/a')).toBeUndefined();
    const kept = await forever.match('https://colo/a');
    expect(await kept?.text()).toBe('template');
    expect(kept?.headers.get(VALID_UNTIL)).toBe(String(now + 1_000));
  });
});

describe('modelled round trips', () => {
  it('stay within 45% of public city-pair pings (within 25% for all but Moscow)', () => {
    for (const { a, b, ms } of PINGS) {
      const ratio = rttMs(a, b) / ms;
      expect(ratio, `${a.city}–${b.city}`).toBeGreaterThan(b.city === 'Moscow' ? 0.55 : 0.75);
      expect(ratio, `${a.city}–${b.city}`).toBeLessThan(1.25);
    }
  });
});

describe('a tiny run through the real app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'traffic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads D1 where each design says, spares it with the colo cache, and shows the published article', async () => {
    const config = {
      ...QUICK,
      size: 300,
      durationMs: 4 * 60_000,
      spikeMs: 2 * 60_000,
      baselineRps: 2,
      spikeFactor: 10,
      replicaLagMs: 2_000,
      // Small isolates, so the busy colos run several at once: what the colo cache is for.
      isolates: { ...ISOLATE_MODEL, capacityRps: 2 },
    };
    const { report } = await runModel(config, { log: () => {}, resultsDir: dir });
    const [today, colo, replicas, both] = report.designs;
    if (!today || !colo || !replicas || !both) throw new Error('four designs expected');
    expect(report.designs.map((d) => d.design)).toEqual(['today', '+ colo cache', '+ replicas', '+ both']);
    for (const d of report.designs) {
      expect(d.errors, d.design).toBe(0);
      expect(d.requests).toBe(today.requests);
      expect(d.publish.result).toBe('added 1, updated 0, removed 0');
      expect(d.isolates.peak, d.design).toBeGreaterThan(23);
    }
    // Today reads only the primary. With replicas, the primary is read only to confirm an article a replica says is
    // missing (dead links, the new story during the lag): far less, and at most once per colo, URL and minute.
    expect(today.primaryPerSecond.spike).toBeGreaterThan(0);
    expect(today.replicaPerSecond.spike).toBe(0);
    expect(replicas.primaryPerSecond.spike).toBeLessThan(today.primaryPerSecond.spike / 4);
    expect(replicas.replicaPerSecond.spike).toBeGreaterThan(0);
    expect(both.primaryPerSecond.spike).toBeLessThan(today.primaryPerSecond.spike / 4);
    expect(both.perUrlMinute.max).toBeLessThanOrEqual(1);
    expect(today.perUrlMinute.max).toBeGreaterThan(1);
    // An isolate that finds a page another isolate of its colo made reads no D1 for it.
    expect(colo.coloCacheHitRate).toBeGreaterThan(0);
    expect(colo.touching.all).toBeLessThan(today.touching.all);
    expect(both.touching.all).toBeLessThan(replicas.touching.all);
    expect(today.coloCacheHitRate).toBeNull();
    // Read from the primary, the new article shows at once and the front page within the isolates' minute.
    expect(today.visible.article).toBe(0);
    expect(today.visible.front).not.toBeNull();
    expect(today.visible.front).toBeLessThanOrEqual(60);
    // Through a lagging replica the new article still answers at once (a "missing" from a replica is asked again of
    // the primary), and the front page within the minute: the isolates trust a read for 60 s less the lag budget.
    for (const d of [replicas, both]) {
      expect(d.visible.article, d.design).toBe(0);
      expect(d.visible.front, d.design).not.toBeNull();
      expect(d.visible.front, d.design).toBeLessThanOrEqual(60);
    }
  }, 300_000);
});
