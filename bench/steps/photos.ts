/** Photos: publish cost per image, what a phone downloads, and the cost of serving /media/<key>. */
import { Hono } from 'hono';
import { benchPhoto, processImage, timeImagePublish } from '../../src/publish/node/media/index.ts';
import { kib, median, ms, sideBySide } from '../measure.ts';
import { type AppModule, type BenchOptions, benchDeps, executionContext, type Row, weatherKv } from './context.ts';

export async function photosStep(options: BenchOptions, appModule: AppModule): Promise<Row[]> {
  process.stderr.write('bench: photos\n');
  const rows: Row[] = [];
  const photo = await benchPhoto(2400, 1600);
  const timing = await timeImagePublish(
    photo,
    'قلق أميركا وحلفائها إزاء قمة " كيم _ بوتين " في فلاديفوستوك',
    options.quick ? 1 : 3,
  );
  rows.push({
    section: 'photos',
    metric: 'publish time per image: 2400×1600 JPEG → AVIF, WebP and JPEG at 480/800/1200/1600, plus its share card',
    result: `variants ${ms(median(timing.variantsMs))} (CPU ${ms(median(timing.variantsCpuMs))}), card ${ms(median(timing.cardMs))} (CPU ${ms(median(timing.cardCpuMs))})`,
    target: 'report',
    pass: null,
  });
  const processed = await processImage(photo, 'bench.jpg');
  if ('problem' in processed) throw new Error(processed.problem);
  // A 390 px phone shows the lead image 358 CSS px wide; at 3× it picks the smallest AVIF at least 1,074 px wide.
  const avif = processed.image.variants.filter((v) => v.contentType === 'image/avif').sort((a, b) => a.width - b.width);
  const chosen = avif.find((v) => v.width >= 358 * 3) ?? avif.at(-1);
  rows.push({
    section: 'photos',
    metric: 'lead image bytes on a 390 px phone (3×): the original file before, the AVIF `srcset` picks now',
    result: `${kib(photo.byteLength)} → ${kib(chosen?.bytes ?? 0)} (${chosen?.width} px AVIF): ${((chosen?.bytes ?? 0) / photo.byteLength).toFixed(2)}×`,
    target: 'smaller',
    pass: (chosen?.bytes ?? Number.POSITIVE_INFINITY) < photo.byteLength,
  });

  const file = processed.files.find((f) => f.key.endsWith('/800.avif')) ?? processed.files[0];
  const bytes = new Uint8Array(file?.bytes ?? []);
  const object = {
    key: file?.key,
    size: bytes.byteLength,
    httpEtag: '"bench"',
    uploaded: new Date(0),
    httpMetadata: { contentType: file?.contentType },
    get body() {
      return new Response(bytes).body;
    },
  };
  const bucket = { get: async () => object, head: async () => object } as unknown as R2Bucket;
  const app = appModule.createApp(benchDeps(appModule));
  const env = { MEDIA: bucket, SITE_URL: 'https://al-ayyam.example', WEATHER_KV: weatherKv() };
  const path = `/media/${file?.key}`;
  const sample = await app.fetch(new Request(`https://al-ayyam.example${path}`), env, executionContext);
  const headers: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const bare = new Hono().get('/media/*', () => new Response(bytes, { headers }));
  const cmp = await sideBySide(
    async () => (await app.fetch(new Request(`https://al-ayyam.example${path}`), env, executionContext)).arrayBuffer(),
    async () => (await bare.fetch(new Request(`https://al-ayyam.example${path}`))).arrayBuffer(),
    { rounds: options.load.rounds + 2, iterations: options.load.warm },
  );
  rows.push({
    section: 'photos',
    metric: '`/media/<key>` request (R2 read stubbed in memory) vs a bare Hono handler sending the same bytes',
    result: `${ms(cmp.a)} vs ${ms(cmp.b)} → ${cmp.ratio.toFixed(2)}×`,
    target: 'close to a static file',
    pass: null,
    value: cmp.ratio,
  });
  return rows;
}
