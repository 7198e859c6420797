/**
 * Node-only: asks the deployed Worker to purge Workers Cache by tag after a remote publish (POST /_purge, see
 * src/routes/purge.ts), in requests of at most MAX_PURGE_TAGS tags. Configured by PURGE_URL (the endpoint, e.g.
 * https://example.com/_purge) and PURGE_TOKEN (the Worker's secret of the same name).
 */
import { MAX_PURGE_TAGS } from '../../site/tags.ts';

export type Purge = (tags: readonly string[]) => Promise<void>;

/** The purge a run calls: POSTs the tags, throwing on any answer but a 2xx. */
export function purgeClient(url: string, token: string, fetcher: typeof fetch = fetch): Purge {
  return async (tags) => {
    for (let at = 0; at < tags.length; at += MAX_PURGE_TAGS) {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ tags: tags.slice(at, at + MAX_PURGE_TAGS) }),
        signal: AbortSignal.timeout(30_000),
      });
      if (!res.ok) throw new Error(`POST ${url} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    }
  };
}

/**
 * The purge PURGE_URL and PURGE_TOKEN configure: none when neither is set; an error message when only one is, or
 * the URL is not one.
 */
export function purgeFromEnv(env: Record<string, string | undefined>): Purge | null | { invalid: string } {
  const { PURGE_URL: url, PURGE_TOKEN: token } = env;
  if (!url && !token) return null;
  if (!url || !token) return { invalid: 'set both PURGE_URL and PURGE_TOKEN to purge Workers Cache, or neither' };
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return { invalid: `PURGE_URL is not an http(s) URL: "${url}"` };
  }
  return purgeClient(url, token);
}
