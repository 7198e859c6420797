/** Publish-time cost of one image (variants + share card), for the bench: the only place that reads a clock. */
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import sharp from 'sharp';
import { renderShareCard } from './card.ts';
import { processImage } from './process.ts';

export interface ImagePublishTiming {
  /** Milliseconds per run to check, decode and encode every variant. */
  variantsMs: number[];
  /** Milliseconds per run to render the share card over the same image. */
  cardMs: number[];
  /** CPU milliseconds (user + system, all threads) per run for variants and card: steadier than wall time on a busy machine. */
  variantsCpuMs: number[];
  cardCpuMs: number[];
  /** Bytes of every variant together, and of the card. */
  variantBytes: number;
  cardBytes: number;
}

/**
 * A photo-like test image: smooth noise at camera-ish contrast, which costs encoders about what a real news
 * photo does (flat colours would flatter them). Deterministic for a given size.
 */
export function benchPhoto(width = 2400, height = 1600): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 120, sigma: 45 } },
  })
    .blur(1.2)
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** Times `runs` publishes of one image (after one warm-up run that is not counted). */
export async function timeImagePublish(bytes: Uint8Array, title: string, runs = 5): Promise<ImagePublishTiming> {
  const timing: ImagePublishTiming = {
    variantsMs: [],
    cardMs: [],
    variantsCpuMs: [],
    cardCpuMs: [],
    variantBytes: 0,
    cardBytes: 0,
  };
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return (user + system) / 1000;
  };
  for (let run = -1; run < runs; run++) {
    let t = performance.now();
    let cpu = process.cpuUsage();
    const processed = await processImage(bytes, 'bench.jpg');
    const variantsMs = performance.now() - t;
    const variantsCpuMs = cpuMs(cpu);
    if ('problem' in processed) throw new Error(processed.problem);
    t = performance.now();
    cpu = process.cpuUsage();
    const card = await renderShareCard({ title, image: bytes });
    const cardMs = performance.now() - t;
    const cardCpuMs = cpuMs(cpu);
    if (run < 0) continue;
    timing.variantsMs.push(variantsMs);
    timing.cardMs.push(cardMs);
    timing.variantsCpuMs.push(variantsCpuMs);
    timing.cardCpuMs.push(cardCpuMs);
    timing.variantBytes = processed.files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
    timing.cardBytes = card.bytes.byteLength;
  }
  return timing;
}
