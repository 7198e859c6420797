/** Removes the Unicode bidi embedding, override and isolate controls that can reorder text on screen. */

/**
 * U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI, PDI). The marks U+200E, U+200F
 * and U+061C stay: they affect only the character next to them and Arabic text legitimately needs them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi embedding, override and isolate controls. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
