/**
 * Charts of D1 round trips a second over the run: one text line per design and instance (one scale for all, so
 * lines compare), and a PNG of the same on a log scale (an SVG rendered by @resvg/resvg-js).
 */
import type { Report } from './report.ts';

const BARS = ' ▁▂▃▄▅▆▇█';
const WIDTH = 60;

/** Sums `values` into at most WIDTH columns, as a rate a second. */
function columns(values: number[]): { rates: number[]; minutesPerColumn: number } {
  const minutesPerColumn = Math.max(1, Math.ceil(values.length / WIDTH));
  const rates: number[] = [];
  for (let i = 0; i < values.length; i += minutesPerColumn) {
    const group = values.slice(i, i + minutesPerColumn);
    rates.push(group.reduce((a, b) => a + b, 0) / (group.length * 60));
  }
  return { rates, minutesPerColumn };
}

export function textChart(report: Report): string {
  const rows: { label: string; rates: number[] }[] = [];
  let minutesPerColumn = 1;
  for (const [design, series] of Object.entries(report.series)) {
    const primary = columns(series.primary);
    minutesPerColumn = primary.minutesPerColumn;
    rows.push({ label: `${design} · primary`, rates: primary.rates });
    rows.push({ label: `${design} · replicas`, rates: columns(series.replica).rates });
  }
  const first = Object.values(report.series)[0];
  const requests = columns(first?.requests ?? []);
  const max = Math.max(1e-9, ...rows.flatMap((r) => r.rates));
  const width = Math.max(...rows.map((r) => r.label.length), 'requests/s (÷100)'.length);
  const line = (rates: number[], top: number) =>
    rates.map((r) => (r <= 0 ? ' ' : BARS[Math.max(1, Math.round((r / top) * (BARS.length - 1)))])).join('');
  const spikeFrom = Math.floor(report.plan.spikeStartMin / minutesPerColumn);
  const spikeTo = Math.ceil((report.plan.spikeStartMin + report.plan.spikeMinutes) / minutesPerColumn);
  const marks = requests.rates.map((_, i) => (i >= spikeFrom && i < spikeTo ? '^' : ' ')).join('');
  const maxRequests = Math.max(...requests.rates);
  return [
    ...rows.map((r) => `${r.label.padEnd(width)} |${line(r.rates, max)}| max ${Math.max(...r.rates).toFixed(2)}/s`),
    `${'requests/s'.padEnd(width)} |${line(requests.rates, maxRequests)}| max ${maxRequests.toFixed(0)}/s`,
    `${''.padEnd(width)}  ${marks}`,
    `(D1 lines share one scale: full block = ${max.toFixed(2)} round trips/s; one column = ${minutesPerColumn} min)`,
  ].join('\n');
}

const COLORS: Record<string, string> = {
  today: '#c0392b',
  '+ colo cache': '#e67e22',
  '+ replicas': '#2980b9',
  '+ both': '#27ae60',
};

/** The PNG, or null when @resvg/resvg-js cannot be loaded. */
export async function pngChart(report: Report): Promise<Buffer | null> {
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch {
    return null;
  }
  return Buffer.from(new Resvg(svgChart(report), { font: { loadSystemFonts: true } }).render().asPng());
}

/** Two panels, primary and replicas: D1 round trips a second per minute, log scale, one line per design. */
export function svgChart(report: Report): string {
  const W = 900;
  const H = 300;
  const left = 60;
  const right = 150;
  const top = 30;
  const bottom = 30;
  const series = Object.entries(report.series);
  const minutes = series[0]?.[1].requests.length ?? 1;
  const all = series.flatMap(([, s]) => [...s.primary, ...s.replica, ...s.requests].map((v) => v / 60));
  const max = 10 ** Math.ceil(Math.log10(Math.max(1, ...all)));
  const min = 0.01;
  const x = (m: number) => left + (m / Math.max(1, minutes - 1)) * (W - left - right);
  const y = (v: number) => top + (1 - Math.log10(Math.max(min, v) / min) / Math.log10(max / min)) * (H - top - bottom);
  const panel = (title: string, key: 'primary' | 'replica', offset: number) => {
    const ticks: string[] = [];
    for (let v = min; v <= max; v *= 10) {
      ticks.push(
        `<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v >= 1 ? v : v.toFixed(2)}</text>`,
      );
    }
    const spikeX = x(report.plan.spikeStartMin);
    const spikeW = x(report.plan.spikeStartMin + report.plan.spikeMinutes) - spikeX;
    const requests = series[0]?.[1].requests ?? [];
    const path = (values: number[]) => values.map((v, m) => `${m === 0 ? 'M' : 'L'}${x(m)},${y(v / 60)}`).join(' ');
    const lines = series.map(
      ([name, s], i) =>
        `<path d="${path(s[key])}" fill="none" stroke="${COLORS[name] ?? '#000'}" stroke-width="2"/><text x="${W - right + 10}" y="${top + 16 * i + 10}" font-size="12" fill="${COLORS[name] ?? '#000'}">${name}</text>`,
    );
    return `<g transform="translate(0 ${offset})"><rect x="${spikeX}" y="${top}" width="${spikeW}" height="${H - top - bottom}" fill="#f6e8c3"/>${ticks.join('')}<path d="${path(requests)}" fill="none" stroke="#999" stroke-dasharray="4 3"/><text x="${W - right + 10}" y="${top + 16 * series.length + 10}" font-size="12" fill="#999">requests/s</text>${lines.join('')}<text x="${left}" y="${top - 10}" font-size="14">${title}</text><text x="${(W - right) / 2}" y="${H - 6}" font-size="11" text-anchor="middle">simulated minutes (spike shaded)</text></g>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${2 * H}" font-family="DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="#fff"/>${panel('D1 round trips/s at the primary (log scale)', 'primary', 0)}${panel('D1 round trips/s at the replicas (log scale)', 'replica', H)}</svg>`;
}
