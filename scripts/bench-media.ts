/** Prints the publish-time cost of one 2400 × 1600 photo: all variants, then its share card (median of runs). */
import { benchPhoto, timeImagePublish } from '../src/publish/node/media/timing.ts';

const runs = Number(process.argv[2] ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const photo = await benchPhoto(2400, 1600);
const t = await timeImagePublish(photo, 'قلق أميركا وحلفائها إزاء قمة " كيم _ بوتين " في فلاديفوستوك', runs);
console.log(`2400×1600 JPEG (${Math.round(photo.byteLength / 1024)} KB), ${runs} runs`);
console.log(
  `variants: median ${median(t.variantsMs).toFixed(0)} ms (${t.variantsMs.map((x) => x.toFixed(0)).join(', ')}), ${Math.round(t.variantBytes / 1024)} KB in all`,
);
console.log(
  `card:     median ${median(t.cardMs).toFixed(0)} ms (${t.cardMs.map((x) => x.toFixed(0)).join(', ')}), ${Math.round(t.cardBytes / 1024)} KB`,
);
console.log(
  `CPU (all threads): variants median ${median(t.variantsCpuMs).toFixed(0)} ms, card median ${median(t.cardCpuMs).toFixed(0)} ms`,
);
