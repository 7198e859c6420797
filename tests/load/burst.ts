/**
 * Bursts: `n` simultaneous GETs of one URL, and what a reader would notice in their answers (a status other than
 * 200, an uncaught error's `500 text/plain`, two answers with different bodies), summed up per route family.
 */

export interface Answer {
  /** 0 when the request itself failed (connection reset, timeout). */
  status: number;
  contentType: string;
  body: Buffer;
}

export interface BurstOutcome {
  family: string;
  url: string;
  answers: Answer[];
}

/** Fires `n` GETs of `url` at once and waits for every body. */
export async function burst(baseUrl: string, url: string, n: number): Promise<Answer[]> {
  return Promise.all(
    Array.from({ length: n }, async (): Promise<Answer> => {
      try {
        const res = await fetch(`${baseUrl}${url}`, { signal: AbortSignal.timeout(30_000) });
        const body = Buffer.from(await res.arrayBuffer());
        return { status: res.status, contentType: res.headers.get('content-type') ?? '', body };
      } catch (error) {
        return { status: 0, contentType: '', body: Buffer.from(String((error as Error).cause ?? error)) };
      }
    }),
  );
}

/** An uncaught exception in the Worker: the runtime's own `500 text/plain`, not the app's error page. */
export const isUncaught = (a: Answer) => a.status === 500 && a.contentType.startsWith('text/plain');

/** How many answers of all the bursts were the runtime's `500 text/plain`. */
export const uncaughtCount = (outcomes: BurstOutcome[]) =>
  outcomes.reduce((sum, o) => sum + o.answers.filter(isUncaught).length, 0);

const describeAnswer = (a: Answer) =>
  `${a.status || 'no answer'} ${a.contentType.split(';')[0]} "${a.body.toString('utf8', 0, 90).replace(/\s+/g, ' ')}…"`;

/**
 * One line per route family with a problem: how many answers were not 200 (with one example), and on how many URLs
 * the 200s did not all carry the same body. Empty when every burst was clean.
 */
export function burstProblems(outcomes: BurstOutcome[]): string[] {
  const byFamily = new Map<string, BurstOutcome[]>();
  for (const o of outcomes) byFamily.set(o.family, [...(byFamily.get(o.family) ?? []), o]);
  const lines: string[] = [];
  for (const [family, list] of byFamily) {
    const answers = list.flatMap((o) => o.answers);
    const failed = list.flatMap((o) => o.answers.filter((a) => a.status !== 200).map((a) => ({ url: o.url, a })));
    const differing = list.filter((o) => {
      const ok = o.answers.filter((a) => a.status === 200);
      return ok.some((a) => !a.body.equals((ok[0] as Answer).body));
    });
    if (failed.length === 0 && differing.length === 0) continue;
    const parts = [`${family}: ${failed.length} of ${answers.length} answers not 200`];
    const example = failed[0];
    if (example) parts.push(`e.g. ${example.url} → ${describeAnswer(example.a)}`);
    if (differing.length > 0) parts.push(`different bodies on ${differing.length} of ${list.length} URLs`);
    lines.push(parts.join('; '));
  }
  return lines;
}
