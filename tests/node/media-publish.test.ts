/**
 * The real publish step (scripts/publish.ts, as `npm run content:publish` runs it) over a temporary content folder
 * with photos, into a local D1 and R2 in a temporary persist folder: what lands in R2, what it carries, and what
 * a later publish uploads and deletes.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadImage } from '../../src/content/types.ts';
import type { ImageSize } from '../../src/media/types.ts';
import { openLocal } from './support/node-app.ts';

const dir = mkdtempSync(join(tmpdir(), 'media-publish-'));
const persist = join(dir, 'state');
const content = join(dir, 'content');

/** GPS position of a newsroom, as a phone writes it. */
const GPS = {
  IFD0: { Make: 'PhoneCam' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '33/1 53/1 38/1', GPSLongitudeRef: 'E', GPSLongitude: '35/1 30/1 6/1' },
};

const photo = (background: string) =>
  sharp({ create: { width: 1000, height: 700, channels: 3, background } })
    .jpeg()
    .withExif(GPS)
    .toBuffer();

/** A time `days` ago, as front matter writes it (UTC): share cards are drawn for the last 30 days' articles. */
const daysAgo = (days: number) => `${new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 19)}Z`;

const WITH_PHOTO = `---
title: خبر مع صورة
date: ${daysAgo(2)}
image:
  src: media/photo.jpg
  alt: صورة الخبر
---

نص الخبر.

![الصورة نفسها في النص](/media/photo.jpg)
`;
const WITHOUT_PHOTO = `---\ntitle: خبر بلا صورة\ndate: ${daysAgo(1)}\n---\n\nنص آخر.\n`;

function publish(): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--no-warnings',
      'scripts/publish.ts',
      '--local',
      '--persist-to',
      persist,
      '--content',
      content,
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Stored {
  key: string;
  contentType: string | undefined;
  bytes: Uint8Array;
}

/** Every R2 object with its bytes, and the article rows (slug → image JSON and card key). */
interface Row {
  image: LeadImage | null;
  card: string;
  bodyImages: Record<string, ImageSize>;
}

async function state(): Promise<{ objects: Stored[]; rows: Map<string, Row> }> {
  const { db, media, close } = await openLocal(persist);
  try {
    const listed = await media.list({ limit: 1000, include: ['httpMetadata'] });
    const objects: Stored[] = [];
    for (const o of listed.objects) {
      const body = await media.get(o.key);
      objects.push({
        key: o.key,
        contentType: o.httpMetadata?.contentType,
        bytes: new Uint8Array((await body?.arrayBuffer()) ?? new ArrayBuffer(0)),
      });
    }
    const { results } = await db
      .prepare('SELECT slug, image, card, body_images FROM articles')
      .all<{ slug: string; image: string | null; card: string; body_images: string }>();
    const rows = new Map<string, Row>(
      results.map((r) => [
        r.slug,
        {
          image: r.image === null ? null : (JSON.parse(r.image) as LeadImage),
          card: r.card,
          bodyImages: JSON.parse(r.body_images) as Record<string, ImageSize>,
        },
      ]),
    );
    return { objects, rows };
  } finally {
    await close();
  }
}

const keysOf = (objects: Stored[]) => objects.map((o) => o.key).sort();
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, 'latin1'));

beforeAll(async () => {
  mkdirSync(join(content, 'media'), { recursive: true });
  writeFileSync(join(content, 'with-photo.md'), WITH_PHOTO);
  writeFileSync(join(content, 'without-photo.md'), WITHOUT_PHOTO);
  writeFileSync(join(content, 'media', 'photo.jpg'), await photo('#6a8'));
  // As `npm run db:migrate` does it, into the temporary state folder.
  spawnSync(
    process.execPath,
    ['node_modules/wrangler/bin/wrangler.js', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persist],
    { encoding: 'utf8', env: { ...process.env, CI: 'true' } },
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('content:publish with photos in content/media/', () => {
  let first: Awaited<ReturnType<typeof state>>;

  it('puts the photo variants and a share card per article in R2, named in the rows', async () => {
    const run = publish();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('; cards: made 2, backlog 0; ');
    first = await state();
    const lead = first.rows.get('with-photo')?.image;
    expect(lead).toMatchObject({ src: '/media/photo.jpg', alt: 'صورة الخبر', width: 1000, height: 700 });
    const media = lead?.media;
    expect(media).toMatchObject({ width: 1000, height: 700 });
    const keys = keysOf(first.objects);
    for (const v of media?.variants ?? []) expect(keys).toContain(v.key);
    expect(media?.variants.map((v) => `${v.contentType} ${v.width}`).sort()).toEqual([
      'image/avif 1000',
      'image/avif 480',
      'image/avif 800',
      'image/jpeg 1000',
      'image/jpeg 480',
      'image/jpeg 800',
      'image/webp 1000',
      'image/webp 480',
      'image/webp 800',
    ]);
    const photoCard = first.rows.get('with-photo')?.card;
    const brandedCard = first.rows.get('without-photo')?.card;
    expect(photoCard).toMatch(/^card\/[0-9a-f]{16}\.jpg$/);
    expect(brandedCard).toMatch(/^card\/[0-9a-f]{16}\.png$/);
    expect(keys).toContain(photoCard);
    expect(keys).toContain(brandedCard);
    expect(first.objects.find((o) => o.key === brandedCard)?.contentType).toBe('image/png');
    // The same photo in the body is shown from R2 with the same variants, not from the editor's path.
    expect(first.rows.get('with-photo')?.bodyImages['/media/photo.jpg']).toMatchObject({
      width: 1000,
      height: 700,
      src: `/media/${media?.fallback.key}`,
      media,
    });
  }, 180_000);

  it('serves no file that carries EXIF or the GPS position', async () => {
    const images = first.objects.filter((o) => !o.key.endsWith('.json'));
    expect(images.length).toBe(11);
    for (const { key, bytes, contentType } of images) {
      expect(contentType, key).toMatch(/^image\/(avif|webp|jpeg|png)$/);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, key).toBeUndefined();
      expect(has(bytes, 'Exif\0\0'), key).toBe(false);
      expect(has(bytes, 'PhoneCam'), key).toBe(false);
    }
  });

  it('a second publish uploads nothing and deletes nothing', async () => {
    const run = publish();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('0 image(s) processed, 0 file(s) uploaded, 0 deleted');
    expect(keysOf((await state()).objects)).toEqual(keysOf(first.objects));
  }, 180_000);

  it('a replaced photo gets new keys and a new card; the old ones are deleted', async () => {
    writeFileSync(join(content, 'media', 'photo.jpg'), await photo('#a63'));
    const run = publish();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('updated 1');
    const next = await state();
    const before = first.rows.get('with-photo');
    const after = next.rows.get('with-photo');
    expect(after?.image?.media?.hash).not.toBe(before?.image?.media?.hash);
    expect(after?.card).not.toBe(before?.card);
    expect(after?.bodyImages['/media/photo.jpg']?.src).toBe(`/media/${after?.image?.media?.fallback.key}`);
    expect(after?.bodyImages['/media/photo.jpg']?.media?.hash).toBe(after?.image?.media?.hash);
    const keys = keysOf(next.objects);
    for (const v of after?.image?.media?.variants ?? []) expect(keys).toContain(v.key);
    for (const v of before?.image?.media?.variants ?? []) expect(keys).not.toContain(v.key);
    expect(keys).not.toContain(before?.card);
    expect(keys).toContain(next.rows.get('without-photo')?.card);
  }, 180_000);

  it('removing the article deletes its photo and card, and keeps the others', async () => {
    const before = (await state()).rows;
    rmSync(join(content, 'with-photo.md'));
    const run = publish();
    expect(run.stdout).toContain('removed 1');
    const next = await state();
    expect(keysOf(next.objects)).toEqual([before.get('without-photo')?.card]);
  }, 180_000);

  it('an article older than the card window keeps its card through an edit; a new headline gets a new card', async () => {
    const before = (await state()).rows.get('without-photo')?.card;
    expect(before).toMatch(/^card\//);
    // Older than 30 days (no card would be drawn for it now), with a corrected body: same headline, same card.
    const old = WITHOUT_PHOTO.replace(daysAgo(1).slice(0, 10), daysAgo(40).slice(0, 10)).replace('نص آخر.', 'نص مصحح.');
    expect(old).not.toBe(WITHOUT_PHOTO);
    writeFileSync(join(content, 'without-photo.md'), old);
    expect(publish().stdout).toContain('updated 1');
    let next = await state();
    expect(next.rows.get('without-photo')?.card).toBe(before);
    expect(keysOf(next.objects)).toContain(before);
    // A new headline needs a new card: outside the window, the run's card backlog draws it; the old one goes.
    writeFileSync(join(content, 'without-photo.md'), old.replace('خبر بلا صورة', 'خبر بعنوان جديد'));
    const run = publish();
    expect(run.stdout).toContain('updated 1');
    expect(run.stdout).toContain('; cards: made 1, backlog 0; ');
    next = await state();
    const after = next.rows.get('without-photo')?.card;
    expect(after).toMatch(/^card\/[0-9a-f]{16}\.png$/);
    expect(after).not.toBe(before);
    expect(keysOf(next.objects)).toEqual([after]);
  }, 180_000);

  it('refuses a photo that is not an image by content, naming the file and field, and writes nothing', async () => {
    writeFileSync(join(content, 'media', 'fake.jpg'), 'not a photo at all');
    writeFileSync(join(content, 'fake.md'), WITH_PHOTO.replace('media/photo.jpg', 'media/fake.jpg'));
    const run = publish();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /fake\.md: image\.src: .*"media\/fake\.jpg" is not a JPEG, PNG, WebP, AVIF, GIF or SVG image \(judged by its content, not its name\)/,
    );
    expect((await state()).rows.has('fake')).toBe(false);
    rmSync(join(content, 'fake.md'));
  }, 180_000);
});
