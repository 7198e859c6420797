import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isContentHashedKey } from '../../src/media/keys.ts';
import { createMeasure, layoutHeadline, renderShareCard } from '../../src/publish/node/media/card.ts';
import { checkImage } from '../../src/publish/node/media/check.ts';
import { type ProcessedImage, processImage } from '../../src/publish/node/media/process.ts';
import { sniffFormat } from '../../src/publish/node/media/sniff.ts';
import { ELLIPSIS, wrapWords } from '../../src/publish/node/media/wrap.ts';

/** A photo-like image: smooth noise, so encoders work as on a real picture. */
const photo = (width: number, height: number) =>
  sharp({
    create: { width, height, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 120, sigma: 40 } },
  }).blur(1.5);

const GPS = {
  IFD0: { Make: 'NewsCam', Model: 'Field 1' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '33/1 53/1 3768/100',
    GPSLongitudeRef: 'E',
    GPSLongitude: '35/1 30/1 648/100',
  },
};

/** True when raw EXIF holds a GPS IFD pointer (tag 0x8825, either byte order). */
const hasGpsPointer = (exif: Buffer) =>
  exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));

const SNIFFED: Record<string, string> = {
  'image/avif': 'avif',
  'image/webp': 'webp',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

function expectProcessed(result: ProcessedImage | { problem: string }): ProcessedImage {
  if ('problem' in result) throw new Error(`expected the image to be accepted, got: ${result.problem}`);
  return result;
}

function expectProblem(result: ProcessedImage | { problem: string }): string {
  if (!('problem' in result)) throw new Error('expected the image to be refused');
  return result.problem;
}

/** A valid PNG of `size` × `size` 1-bit grey pixels: a few KB on disk, `size`² pixels once decoded. */
function pngBomb(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter, no interlace
  const rows = Buffer.alloc((Math.ceil(size / 8) + 1) * size); // every row: filter byte 0, then zero bits
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('metadata is stripped from every published file', () => {
  it('a photo carrying GPS tags, an ICC profile and a rotation comes out upright, sRGB, with no EXIF at all', async () => {
    const source = await photo(900, 600)
      .withExif(GPS)
      .withIccProfile('p3')
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const input = await sharp(source).metadata();
    expect(input.exif && hasGpsPointer(input.exif)).toBe(true);
    expect(input.icc).toBeDefined();
    expect(input.orientation).toBe(6);

    const { image, files } = expectProcessed(await processImage(source, 'photos/beirut.jpg'));
    // Orientation 6 is a quarter turn: the published image is portrait.
    expect([image.width, image.height]).toEqual([600, 900]);
    expect(files).toHaveLength(6); // 480 and 600 wide, three formats each
    for (const file of files) {
      const meta = await sharp(file.bytes).metadata();
      expect(meta.exif, file.key).toBeUndefined();
      expect(meta.xmp, file.key).toBeUndefined();
      expect(meta.iptc, file.key).toBeUndefined();
      expect(meta.icc, file.key).toBeUndefined();
      expect(meta.orientation ?? 1, file.key).toBe(1);
      expect(Buffer.from(file.bytes).includes('Exif'), file.key).toBe(false);
      expect(meta.height, file.key).toBeGreaterThan(meta.width as number);
    }
  });
});

describe('the content check', () => {
  it('refuses a .jpg that is really text, naming the file', async () => {
    const problem = expectProblem(await processImage(new TextEncoder().encode('hello, not a photo'), 'photos/x.jpg'));
    expect(problem).toBe(
      '"photos/x.jpg" is not a JPEG, PNG, WebP, AVIF, GIF or SVG image (judged by its content, not its name)',
    );
  });

  it('accepts a PNG renamed .jpg, as a PNG', async () => {
    const png = await photo(640, 400).png().toBuffer();
    expect(sniffFormat(png)).toBe('png');
    const checked = await checkImage(png, 'photos/renamed.jpg');
    expect(checked).toEqual({ format: 'png', width: 640, height: 400 });
    expect(expectProcessed(await processImage(png, 'photos/renamed.jpg')).image.width).toBe(640);
  });

  it('accepts WebP, AVIF and GIF sources', async () => {
    const base = photo(500, 300);
    for (const [format, bytes] of [
      ['webp', await base.clone().webp().toBuffer()],
      ['avif', await base.clone().avif({ effort: 0 }).toBuffer()],
      ['gif', await base.clone().gif().toBuffer()],
    ] as const) {
      expect(sniffFormat(bytes), format).toBe(format);
      expect(expectProcessed(await processImage(bytes, `a.${format}`)).image.width, format).toBe(500);
    }
  });

  it('refuses HEIC (an ISO-BMFF image that is not AVIF) and a file that only starts like a JPEG', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    expect(expectProblem(await processImage(heic, 'a.heic'))).toContain('is not a JPEG, PNG');
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect(expectProblem(await processImage(fake, 'broken.jpg'))).toMatch(/^"broken\.jpg" cannot be read as JPEG/);
  });

  it('refuses a 20,000 × 20,000 PNG bomb from its header, before decoding it', async () => {
    const bomb = pngBomb(20_000);
    expect(bomb.byteLength).toBeLessThan(200_000);
    const problem = expectProblem(await processImage(bomb, 'photos/bomb.png'));
    expect(problem).toBe(
      '"photos/bomb.png" is 20000×20000 pixels (400 megapixels); images may have at most 70 megapixels',
    );
  });

  it('refuses a file over 25 MB', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(expectProblem(await processImage(big, 'photos/huge.jpg'))).toBe(
      '"photos/huge.jpg" is 25.0 MB; images may be at most 25 MB',
    );
  });

  it('refuses an SVG that declares XML entities (the "billion laughs")', async () => {
    const svg =
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>';
    expect(expectProblem(await processImage(new TextEncoder().encode(svg), 'x.svg'))).toContain('XML entities');
  });
});

describe('variants', () => {
  it('are AVIF, WebP and JPEG at 480/800/1200/1600 for a large photo, with content-hashed keys', async () => {
    const source = await photo(1700, 1100).jpeg().toBuffer();
    const { image, files } = expectProcessed(await processImage(source, 'big.jpg'));
    expect([image.width, image.height]).toEqual([1700, 1100]);
    const byType = (type: string) => image.variants.filter((v) => v.contentType === type).map((v) => v.width);
    for (const type of ['image/avif', 'image/webp', 'image/jpeg']) expect(byType(type)).toEqual([480, 800, 1200, 1600]);
    expect(image.fallback).toMatchObject({ contentType: 'image/jpeg', width: 1200, height: 776 });
    for (const file of files) {
      expect(file.key).toMatch(new RegExp(`^img/${image.hash}/\\d+\\.(avif|webp|jpg)$`));
      expect(isContentHashedKey(file.key), file.key).toBe(true);
      const meta = await sharp(file.bytes).metadata();
      const variant = image.variants.find((v) => v.key === file.key);
      expect(variant).toMatchObject({ width: meta.width, height: meta.height, bytes: file.bytes.byteLength });
      expect(sniffFormat(file.bytes)).toBe(SNIFFED[file.contentType]);
    }
  });

  it('are never upscaled: a small image keeps its width, a mid-size one tops out at its own', async () => {
    const small = expectProcessed(await processImage(await photo(300, 200).png().toBuffer(), 's.png'));
    expect(new Set(small.image.variants.map((v) => v.width))).toEqual(new Set([300]));
    expect(small.files).toHaveLength(3);
    const mid = expectProcessed(await processImage(await photo(1000, 500).jpeg().toBuffer(), 'm.jpg'));
    expect([...new Set(mid.image.variants.map((v) => v.width))]).toEqual([480, 800, 1000]);
  });

  it('keep transparency in a PNG fallback, and drop an alpha channel that is fully opaque', async () => {
    const logo = await sharp({
      create: { width: 600, height: 300, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const clear = expectProcessed(await processImage(logo, 'logo.png'));
    expect(clear.image.fallback.contentType).toBe('image/png');
    expect((await sharp(clear.files.find((f) => f.contentType === 'image/webp')?.bytes).metadata()).hasAlpha).toBe(
      true,
    );
    const opaque = await sharp({ create: { width: 600, height: 300, channels: 4, background: '#336699ff' } })
      .png()
      .toBuffer();
    expect(expectProcessed(await processImage(opaque, 'flat.png')).image.fallback.contentType).toBe('image/jpeg');
  });

  it('get the same keys for the same bytes and new keys when the image changes', async () => {
    const a = await photo(500, 300).jpeg().toBuffer();
    const b = await sharp(a).flop().jpeg().toBuffer();
    const keys = async (bytes: Buffer) => expectProcessed(await processImage(bytes, 'p.jpg')).files.map((f) => f.key);
    const first = await keys(a);
    expect(await keys(Buffer.from(a))).toEqual(first);
    expect((await keys(b)).some((k) => first.includes(k))).toBe(false);
  });

  it('rasterize an SVG that carries a script: nothing published is SVG', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">' +
        '<script>alert(document.cookie)</script><rect width="120" height="60" fill="#9b1c1c"/></svg>',
    );
    expect(sniffFormat(svg)).toBe('svg');
    const { image, files } = expectProcessed(await processImage(svg, 'chart.svg'));
    expect([image.width, image.height]).toEqual([1600, 800]);
    for (const file of files) {
      expect(['image/avif', 'image/webp', 'image/jpeg', 'image/png']).toContain(file.contentType);
      expect(sniffFormat(file.bytes), file.key).not.toBe('svg');
      expect(Buffer.from(file.bytes).includes('<script'), file.key).toBe(false);
      expect(file.key).not.toMatch(/\.svg$/);
    }
    const fallback = files.find((f) => f.key === image.fallback.key)?.bytes;
    const { data } = await sharp(fallback).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([
      expect.closeTo(0x9b, -1),
      expect.closeTo(0x1c, -1),
      expect.closeTo(0x1c, -1),
    ]);
  });
});

describe('an SVG cannot reach the publishing machine', () => {
  it('draws no file it links to, whatever the link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svg-link-'));
    const red = join(dir, 'red.png');
    writeFileSync(
      red,
      await sharp({ create: { width: 50, height: 50, channels: 3, background: '#ff0000' } })
        .png()
        .toBuffer(),
    );
    for (const href of [`file://${red}`, red, 'red.png']) {
      const svg = new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">' +
          `<rect width="100" height="100" fill="#00f"/><image href="${href}" xlink:href="${href}" width="100" height="100"/></svg>`,
      );
      const { image, files } = expectProcessed(await processImage(svg, 'linked.svg'));
      const fallback = files.find((f) => f.key === image.fallback.key)?.bytes;
      const { data } = await sharp(fallback).raw().toBuffer({ resolveWithObject: true });
      expect(data[0], href).toBeLessThan(20); // still the blue rectangle, not the linked red file
      expect(data[2], href).toBeGreaterThan(200);
    }
  });
});

describe('headline wrapping', () => {
  const HEADLINE =
    'الحكومة اللبنانية تقر خطة للتعافي الاقتصادي بعد أشهر من المفاوضات مع صندوق النقد الدولي والمصارف التجارية وسط احتجاجات المودعين';
  const words = new Set(HEADLINE.split(' '));

  it('breaks only between words and keeps every line within the width', () => {
    const measure = (t: string) => t.length * 10;
    const { lines, truncated } = wrapWords(HEADLINE, measure, 300, 10);
    expect(truncated).toBe(false);
    expect(lines.join(' ')).toBe(HEADLINE);
    for (const line of lines) {
      expect(measure(line)).toBeLessThanOrEqual(300);
      for (const word of line.split(' ')) expect(words.has(word), word).toBe(true);
    }
  });

  it('ends with an ellipsis after a whole word when the lines run out', () => {
    const measure = (t: string) => t.length * 10;
    const { lines, truncated } = wrapWords(HEADLINE, measure, 300, 2);
    expect(truncated).toBe(true);
    expect(lines).toHaveLength(2);
    const last = lines[1] as string;
    expect(last.endsWith(` ${ELLIPSIS}`)).toBe(true);
    expect(measure(last)).toBeLessThanOrEqual(300);
    expect(HEADLINE.startsWith(`${lines[0]} ${last.slice(0, -2)} `)).toBe(true);
  });

  it('never cuts a word longer than the line: it gets a line of its own', () => {
    expect(wrapWords('قصير كلمةطويلةجدا قصير', (t) => t.length, 8, 5).lines).toEqual(['قصير', 'كلمةطويلةجدا', 'قصير']);
  });

  it('lays an Arabic headline out in at most three lines of whole words, measured with the card font', () => {
    const measure = createMeasure();
    const long = layoutHeadline(`${HEADLINE} في بيروت وطرابلس وصيدا والمدن الأخرى`, measure);
    expect(long.lines.length).toBeLessThanOrEqual(3);
    expect(long.truncated).toBe(true);
    for (const line of long.lines) {
      expect(measure(line, long.fontSize)).toBeLessThanOrEqual(1200 - 2 * 64);
      for (const word of line.split(' '))
        expect(
          word === ELLIPSIS || `${HEADLINE} في بيروت وطرابلس وصيدا والمدن الأخرى`.split(' ').includes(word),
          word,
        ).toBe(true);
    }
    const short = layoutHeadline('قمة كيم بوتين', measure);
    expect(short).toEqual({ lines: ['قمة كيم بوتين'], truncated: false, fontSize: 64 });
  });
});

describe('share cards', () => {
  it('are 1200×630: a PNG branded card without an image', async () => {
    const card = await renderShareCard({ title: 'قلق أميركا وحلفائها إزاء قمة " كيم _ بوتين "' });
    const meta = await sharp(card.bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(card).toMatchObject({ width: 1200, height: 630, contentType: 'image/png' });
    expect(card.key).toMatch(/^card\/[0-9a-f]{16}\.png$/);
    expect(isContentHashedKey(card.key)).toBe(true);
  });

  it('are a 1200×630 JPEG over the cropped lead photo, without its GPS tags', async () => {
    const lead = await photo(900, 1200).withExif(GPS).jpeg().toBuffer();
    const card = await renderShareCard({ title: 'عنوان الخبر', image: lead });
    const meta = await sharp(card.bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
    expect(meta.exif).toBeUndefined();
    expect(card.key).toMatch(/^card\/[0-9a-f]{16}\.jpg$/);
  });

  it('rasterize an SVG lead image, and change key when the headline changes', async () => {
    const svg = new TextEncoder().encode(
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675"><rect width="1200" height="675" fill="#246"/></svg>',
    );
    const a = await renderShareCard({ title: 'عنوان', image: svg });
    const b = await renderShareCard({ title: 'عنوان آخر', image: svg });
    expect((await sharp(a.bytes).metadata()).format).toBe('jpeg');
    expect(a.key).not.toBe(b.key);
  });
});
