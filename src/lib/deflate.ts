/** Raw DEFLATE of UTF-8 text and back, with the platform's compression streams (the same in Workers and Node). */

/** The text's UTF-8 bytes, deflated (RFC 1951, no header). */
export async function deflateText(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The text `deflateText` made these bytes from. Throws a TypeError when they are not raw DEFLATE. */
export async function inflateText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}
