/**
 * The colos the model serves from, their share of readers, and the simulated round trip from each to the D1
 * primary (Western Europe) and to its nearest D1 read replica.
 *
 * Round trips are modelled, not measured: great-circle distance at 2/3 c (200 km per ms each way), a 1.25 path
 * stretch for real routes, plus 8 ms of switching and last-hop time. Checked against the public city-pair pings of
 * WonderProxy ("Miles per Millisecond", https://wonderproxy.com/blog/miles-per-milisecond/, now on
 * wondernetwork.com/pings, 2011): within 25% for six pairs, 41% low for Zurich–Moscow, whose route strays far from
 * the great circle (PINGS below, asserted by tests/node/traffic-model.test.ts).
 * Cloudflare's own backbone between colos is likely no slower. Beirut's colo (BEY) exists since 2018 and reaches
 * Europe over Ogero's cables through Marseille (blog.cloudflare.com/marhaba-beirut-cloudflares-121st-pop); the
 * detour is small next to the great circle and is not added.
 *
 * D1 places the primary in the hinted region (`weur`) and, with read replication, one replica in each of its
 * regions: ENAM, WNAM, WEUR, EEUR, APAC, OC (developers.cloudflare.com/d1/configuration/data-location and
 * /d1/best-practices/read-replication). Which city serves a region is not published: the cities below are
 * assumptions. There is no Middle East, Africa or South America region, so readers there reach a replica in
 * Europe or North America: tens of ms, not "a few".
 */

export interface Place {
  code: string;
  city: string;
  lat: number;
  lon: number;
}

export interface Colo extends Place {
  /** Share of the paper's readers served here (percent). */
  weight: number;
  /** The region of readers it belongs to, for the report. */
  group: ColoGroup;
}

export type ColoGroup = 'Levant & Egypt' | 'Gulf' | 'Maghreb' | 'Europe' | 'Americas' | 'Africa & Oceania';
export const GROUPS: readonly ColoGroup[] = [
  'Levant & Egypt',
  'Gulf',
  'Maghreb',
  'Europe',
  'Americas',
  'Africa & Oceania',
];

/** An Arabic paper from Beirut: Lebanon first, then the Gulf, the diaspora in Europe, the Americas and Africa. */
export const COLOS: readonly Colo[] = [
  { code: 'BEY', city: 'Beirut', lat: 33.82, lon: 35.49, weight: 30, group: 'Levant & Egypt' },
  { code: 'AMM', city: 'Amman', lat: 31.72, lon: 35.99, weight: 3, group: 'Levant & Egypt' },
  { code: 'BGW', city: 'Baghdad', lat: 33.26, lon: 44.23, weight: 3, group: 'Levant & Egypt' },
  { code: 'CAI', city: 'Cairo', lat: 30.12, lon: 31.41, weight: 5, group: 'Levant & Egypt' },
  { code: 'DXB', city: 'Dubai', lat: 25.25, lon: 55.36, weight: 9, group: 'Gulf' },
  { code: 'RUH', city: 'Riyadh', lat: 24.96, lon: 46.7, weight: 6, group: 'Gulf' },
  { code: 'JED', city: 'Jeddah', lat: 21.68, lon: 39.16, weight: 3, group: 'Gulf' },
  { code: 'DOH', city: 'Doha', lat: 25.27, lon: 51.61, weight: 3, group: 'Gulf' },
  { code: 'KWI', city: 'Kuwait', lat: 29.24, lon: 47.97, weight: 3, group: 'Gulf' },
  { code: 'CMN', city: 'Casablanca', lat: 33.37, lon: -7.59, weight: 2, group: 'Maghreb' },
  { code: 'ALG', city: 'Algiers', lat: 36.69, lon: 3.22, weight: 2, group: 'Maghreb' },
  { code: 'TUN', city: 'Tunis', lat: 36.85, lon: 10.23, weight: 2, group: 'Maghreb' },
  { code: 'CDG', city: 'Paris', lat: 49.01, lon: 2.55, weight: 6, group: 'Europe' },
  { code: 'FRA', city: 'Frankfurt', lat: 50.03, lon: 8.57, weight: 4, group: 'Europe' },
  { code: 'LHR', city: 'London', lat: 51.47, lon: -0.45, weight: 3, group: 'Europe' },
  { code: 'AMS', city: 'Amsterdam', lat: 52.31, lon: 4.76, weight: 1, group: 'Europe' },
  { code: 'ARN', city: 'Stockholm', lat: 59.65, lon: 17.92, weight: 2, group: 'Europe' },
  { code: 'YUL', city: 'Montreal', lat: 45.47, lon: -73.74, weight: 3, group: 'Americas' },
  { code: 'DTW', city: 'Detroit', lat: 42.21, lon: -83.35, weight: 2, group: 'Americas' },
  { code: 'IAD', city: 'Ashburn', lat: 38.95, lon: -77.46, weight: 2, group: 'Americas' },
  { code: 'GRU', city: 'São Paulo', lat: -23.43, lon: -46.47, weight: 3, group: 'Americas' },
  { code: 'ABJ', city: 'Abidjan', lat: 5.26, lon: -3.93, weight: 1, group: 'Africa & Oceania' },
  { code: 'SYD', city: 'Sydney', lat: -33.94, lon: 151.18, weight: 2, group: 'Africa & Oceania' },
];

/** The D1 primary: region WEUR (the city is an assumption). */
export const PRIMARY: Place = { code: 'WEUR', city: 'Amsterdam', lat: 52.31, lon: 4.76 };

/** One read replica per D1 region (the cities are assumptions; WEUR's sits with the primary). */
export const REPLICAS: readonly Place[] = [
  { code: 'WEUR', city: 'Amsterdam', lat: 52.31, lon: 4.76 },
  { code: 'EEUR', city: 'Vienna', lat: 48.11, lon: 16.57 },
  { code: 'ENAM', city: 'Ashburn', lat: 38.95, lon: -77.46 },
  { code: 'WNAM', city: 'San Jose', lat: 37.36, lon: -121.93 },
  { code: 'APAC', city: 'Singapore', lat: 1.36, lon: 103.99 },
  { code: 'OC', city: 'Sydney', lat: -33.94, lon: 151.18 },
];

/** Round trip to a replica when, as a what-if (`--replicas-everywhere`), every colo had one of its own. */
export const LOCAL_REPLICA_RTT_MS = 3;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: Place, b: Place): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Modelled round trip (ms): 2/3 c each way over 1.25× the great circle, plus 8 ms. */
export const rttMs = (a: Place, b: Place) => 8 + (2 * distanceKm(a, b) * 1.25) / 200;

/** Public city-pair round trips (ms) from WonderProxy's table, to check the formula against. */
export const PINGS: readonly { a: Place; b: Place; ms: number }[] = [
  { a: place('Paris', 48.86, 2.35), b: place('Milan', 45.46, 9.19), ms: 21.3 },
  { a: place('Zurich', 47.37, 8.54), b: place('Milan', 45.46, 9.19), ms: 11.2 },
  { a: place('New York', 40.71, -74.01), b: place('Paris', 48.86, 2.35), ms: 77.3 },
  { a: place('Baltimore', 39.29, -76.61), b: place('Dallas', 32.78, -96.8), ms: 35.1 },
  { a: place('Dallas', 32.78, -96.8), b: place('Fremont', 37.55, -121.99), ms: 44.3 },
  { a: place('Fremont', 37.55, -121.99), b: place('Sydney', -33.87, 151.21), ms: 184.9 },
  { a: place('Zurich', 47.37, 8.54), b: place('Moscow', 55.76, 37.62), ms: 60.3 },
];

function place(city: string, lat: number, lon: number): Place {
  return { code: city, city, lat, lon };
}

/** What a colo's D1 reads cost in the model: to the primary, and to its nearest replica (with that replica). */
export interface ColoLinks {
  primaryMs: number;
  replica: Place;
  replicaMs: number;
}

export function linksOf(colo: Colo, { replicasEverywhere = false } = {}): ColoLinks {
  const primaryMs = rttMs(colo, PRIMARY);
  if (replicasEverywhere) return { primaryMs, replica: colo, replicaMs: LOCAL_REPLICA_RTT_MS };
  const [replica, replicaMs] = REPLICAS.map((r) => [r, rttMs(colo, r)] as const).reduce((best, next) =>
    next[1] < best[1] ? next : best,
  );
  return { primaryMs, replica, replicaMs };
}
