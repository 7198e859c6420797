/** The publisher's media API: check and process images, render share cards, time them for the bench. */
export { renderShareCard, type ShareCard } from './card.ts';
export { type CheckedImage, checkImage, type ImageProblem } from './check.ts';
export { sourceHash } from './hash.ts';
export { MAX_SOURCE_BYTES, MAX_SOURCE_PIXELS } from './limits.ts';
export { type MediaFile, type ProcessedImage, processImage } from './process.ts';
export { benchPhoto, type ImagePublishTiming, timeImagePublish } from './timing.ts';
