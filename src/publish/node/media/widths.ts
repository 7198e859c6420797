/** Which widths to make for an image: never wider than the source. */
import { VARIANT_WIDTHS } from '../../../media/keys.ts';

/**
 * The standard widths below the source's width, then the source's own width capped at the largest
 * standard one: 2400 → 480, 800, 1200, 1600; 1000 → 480, 800, 1000; 300 → 300.
 */
export function variantWidths(sourceWidth: number): number[] {
  const largest = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] as number;
  const top = Math.min(sourceWidth, largest);
  return [...VARIANT_WIDTHS.filter((w) => w < top), top];
}
