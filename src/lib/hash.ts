/** A fast, synchronous, non-cryptographic string hash for ETags and content versions. */

/** 64-bit FNV-1a over the UTF-16 code units of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  // Two 32-bit halves keep this in plain number arithmetic (no BigInt on the hot path).
  let h1 = 0x84222325;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 ^= c;
    // Multiply the 64-bit value (h2:h1) by the FNV prime 0x100000001b3.
    const lo = h1 * 0x1b3;
    const hi = h2 * 0x1b3 + (h1 << 8) + Math.floor(lo / 0x100000000);
    h1 = lo >>> 0;
    h2 = hi >>> 0;
  }
  return h2.toString(16).padStart(8, '0') + h1.toString(16).padStart(8, '0');
}
