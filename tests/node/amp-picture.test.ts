import { beforeAll, describe, expect, it } from 'vitest';
import { AmpPicture } from '../../src/media/picture.ts';
import type { ImageManifest, ImageVariant } from '../../src/media/types.ts';
import { renderFragment } from '../../src/render/document.ts';
import { ensureValidatorEngine, validateAmp } from './support/amp-validator.ts';

const HASH = '0123456789abcdef';
const variant = (width: number, contentType: ImageVariant['contentType'], ext: string): ImageVariant => ({
  key: `img/${HASH}/${width}.${ext}`,
  width,
  height: (width * 9) / 16,
  contentType,
  bytes: 1000,
});
const IMAGE: ImageManifest = {
  v: 1,
  hash: HASH,
  width: 1920,
  height: 1080,
  alt: 'صورة',
  variants: [480, 800, 1200, 1600].flatMap((w) => [
    variant(w, 'image/avif', 'avif'),
    variant(w, 'image/webp', 'webp'),
    variant(w, 'image/jpeg', 'jpg'),
  ]),
  fallback: variant(1200, 'image/jpeg', 'jpg'),
};

beforeAll(() => {
  ensureValidatorEngine();
}, 300_000);

/** The AMP spec's required boilerplate, verbatim. */
const BOILERPLATE =
  'body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-moz-animation:-amp-start 8s steps(1,end) 0s 1 normal both;-ms-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}@-webkit-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-moz-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-ms-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@-o-keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}@keyframes -amp-start{from{visibility:hidden}to{visibility:visible}}';
const NOSCRIPT_BOILERPLATE = 'body{-webkit-animation:none;-moz-animation:none;-ms-animation:none;animation:none}';

/** The smallest valid AMP document around `body`. */
const ampDocument = (body: string) =>
  '<!doctype html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8">' +
  '<script async src="https://cdn.ampproject.org/v0.js"></script><title>صورة</title>' +
  '<link rel="canonical" href="https://al-ayyam.example/"><meta name="viewport" content="width=device-width">' +
  `<style amp-boilerplate>${BOILERPLATE}</style><noscript><style amp-boilerplate>${NOSCRIPT_BOILERPLATE}</style></noscript>` +
  `</head><body><main><figure>${body}</figure></main></body></html>`;

describe('<AmpPicture>', () => {
  it('passes the official AMP validator', async () => {
    const html = ampDocument(renderFragment(AmpPicture({ image: IMAGE })));
    expect(html).toContain(`srcset="/media/img/${HASH}/480.webp 480w`);
    const result = await validateAmp(html);
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('PASS');
  });

  it('the validator does reject a broken amp-img (the check is live)', async () => {
    const broken = renderFragment(AmpPicture({ image: IMAGE })).replace('layout="responsive"', 'layout="nonsense"');
    expect((await validateAmp(ampDocument(broken))).status).toBe('FAIL');
  });
});
