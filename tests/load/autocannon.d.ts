/** The part of autocannon 9's programmatic API the load run uses: the package ships no types. */
declare module 'autocannon' {
  export interface AutocannonRequest {
    method?: string;
    /** Path and query, percent-encoded. */
    path: string;
    /** Called with every answer to this request (the body as text). */
    onResponse?: (status: number, body: string, context: unknown, headers: Record<string, string | string[]>) => void;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds without an answer before a request counts as a timeout. */
    timeout?: number;
    /** Every connection sends these in turn, from the first, again and again. */
    requests?: AutocannonRequest[];
  }

  export interface Percentiles {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }

  export interface AutocannonResult {
    duration: number;
    /** Requests answered (total) and sent. */
    requests: Percentiles & { total: number; sent: number };
    /** Milliseconds. */
    latency: Percentiles;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }

  export interface AutocannonInstance extends PromiseLike<AutocannonResult> {
    /** Ends the run early; the promise then resolves with what was measured. */
    stop: () => void;
  }

  export default function autocannon(options: AutocannonOptions): AutocannonInstance;
}
