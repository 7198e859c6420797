/**
 * Fills a template's per-request slots: the temperature (from the weather service) and the masthead date (from
 * the clock, Beirut time). The ETag names the template and both values, so it changes when the date does.
 */
import type { IsolateCaches } from '../cache/isolate.ts';
import { hash64 } from '../lib/hash.ts';
import { fillTemplate, type PageTemplate, renderFragment } from '../render/document.ts';
import { beirutDay, beirutDayKey, MastheadDate } from '../render/masthead-date.tsx';
import { Temperature } from '../render/temperature.tsx';

/** What a request puts in the slots: the temperature to show (null: unknown) and its time. */
export interface SlotValues {
  tempC: number | null;
  now: number;
}

type SlotCaches = Pick<IsolateCaches, 'temperatureLines' | 'dateLines'>;

/** The page's bytes for this request and their strong ETag. */
export function fillSlots(
  template: PageTemplate,
  { tempC, now }: SlotValues,
  caches: SlotCaches,
): { body: Uint8Array<ArrayBuffer>; etag: string } {
  const dayKey = beirutDayKey(now);
  const key = `${tempC}|${dayKey}`;
  let filled = template.filled;
  if (filled?.key !== key) {
    const temperature = caches.temperatureLines.getOrSet(tempC, () => fragment(Temperature({ reading: { tempC } })));
    const date = caches.dateLines.getOrSet(dayKey, () => fragment(MastheadDate({ day: beirutDay(now) })));
    const shown = template.slots.map((slot) => (slot === 'date' ? date.hash : temperature.hash));
    filled = {
      key,
      bytes: fillTemplate(template, { temperature: temperature.html, date: date.html }),
      etag: [template.hash, ...shown].join('-'),
    };
    template.filled = filled;
  }
  return { body: filled.bytes, etag: filled.etag };
}

function fragment(node: unknown): { html: string; hash: string } {
  const html = renderFragment(node);
  return { html, hash: hash64(html) };
}
