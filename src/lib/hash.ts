/** A fast, synchronous, non-cryptographic hash for ETags and content versions. */

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

/**
 * 64-bit hash of the concatenation of `parts` (two independent 32-bit lanes: FNV-1a and a murmur-style
 * mix), as 16 hex digits. Taking parts avoids building the joined string just to hash it.
 */
export function hash64(...parts: string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
  }
  return hex(h1) + hex(h2);
}
