// What the traffic model drives in one V8: bench/app-entry.ts's parts, and the colo cache over a Cache it provides.

export { coloCache } from '../../src/cache/colo.ts';
export * from '../app-entry.ts';
