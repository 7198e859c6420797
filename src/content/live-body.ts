/** A live article's body as pages show it: the intro, then each update's text, split at the lines the build found. */
import type { LiveUpdate } from './types.ts';

/** The body split into its intro and each update's text (heading excluded), by the lines the build recorded. */
export function splitLiveBody(body: string, updates: readonly LiveUpdate[]): { intro: string; texts: string[] } {
  const lines = body.split('\n');
  const intro = lines.slice(0, updates[0]?.line ?? lines.length).join('\n');
  const texts = updates.map((update, i) =>
    lines.slice(update.line + 1, updates[i + 1]?.line ?? lines.length).join('\n'),
  );
  return { intro, texts };
}
