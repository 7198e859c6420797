import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageManifest, ImageVariant } from '../../src/media/types.ts';
import { ampPath } from '../../src/paths.ts';
import { renderFragment } from '../../src/render/document.ts';
import { AmpPicture } from '../../src/render/picture.tsx';
import { FEATURES } from '../helpers/fixtures.ts';
import { ensureValidatorEngine, validateAmp } from './support/amp-validator.ts';
import { nodeApp } from './support/node-app.ts';

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

describe('<AmpPicture> in an AMP page', () => {
  it('passes the official AMP validator', async () => {
    const page = await (await nodeApp([FEATURES]).get(ampPath(FEATURES.slug))).text();
    const lead = /<amp-img [\s\S]*?<\/amp-img>/.exec(page)?.[0];
    expect(lead).toBeDefined();
    const html = page.replace(lead as string, renderFragment(AmpPicture({ image: IMAGE })));
    expect(html).toContain(`srcset="/media/img/${HASH}/480.webp 480w`);
    const result = await validateAmp(html);
    expect(result.messages).toEqual([]);
    expect(result.status).toBe('PASS');
  });
});
