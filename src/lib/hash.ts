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

/**
 * The same kind of 64-bit hash over byte arrays, four bytes per step: for whole pages, where hashing
 * characters one by one would cost more than rendering the page's head.
 */
export function hashBytes(...parts: Uint8Array[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (const part of parts) {
    // Word reads need 4-byte alignment; a copy is aligned (pages from TextEncoder already are).
    const bytes = part.byteOffset % 4 === 0 ? part : part.slice();
    const wordCount = bytes.byteLength >>> 2;
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, wordCount);
    for (let i = 0; i < wordCount; i++) {
      const w = words[i] as number;
      h1 = Math.imul(h1 ^ w, 0x01000193);
      h2 = Math.imul(h2 ^ w, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    for (let i = wordCount * 4; i < bytes.byteLength; i++) {
      const b = bytes[i] as number;
      h1 = Math.imul(h1 ^ b, 0x01000193);
      h2 = Math.imul(h2 ^ b, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    // Mix in the length so moving bytes between parts changes the hash.
    h1 = Math.imul(h1 ^ bytes.byteLength, 0x01000193);
  }
  return hex(h1) + hex(h2);
}
