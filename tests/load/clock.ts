/**
 * The load harness's clock (test-only): real time run `speed` times faster, plus jumps forward, moved over HTTP
 * through `POST /__test/clock?advance=<ms>&speed=<factor>` so cache expiries happen when the harness says.
 */

/** The path tests/load/worker.ts answers with the clock instead of the app. */
export const CLOCK_PATH = '/__test/clock';

export interface ClockState {
  /** The time the app sees, in epoch milliseconds. */
  now: number;
  /** How much faster than real time the clock runs. */
  speed: number;
  /** How far the clock is ahead of real time, in milliseconds. */
  aheadMs: number;
}

export interface TestClock {
  now: () => number;
  state: () => ClockState;
  /** Jumps forward by `ms` (never backward). */
  advance: (ms: number) => void;
  /** Runs `factor` times faster than real time from this moment on, without a jump. */
  setSpeed: (factor: number) => void;
}

/**
 * A clock that starts at real time. It keeps no time of its own at startup (the Workers runtime gives global scope
 * no clock): until `setSpeed` re-anchors it, it reads `realNow` directly.
 */
export function createTestClock(realNow: () => number): TestClock {
  let anchorReal = 0;
  let anchorNow = 0;
  let speed = 1;
  const now = () => anchorNow + (realNow() - anchorReal) * speed;
  return {
    now,
    state: () => {
      const at = now();
      return { now: at, speed, aheadMs: at - realNow() };
    },
    advance: (ms) => {
      anchorNow += ms;
    },
    setSpeed: (factor) => {
      const real = realNow();
      anchorNow += (real - anchorReal) * speed;
      anchorReal = real;
      speed = factor;
    },
  };
}

/** Answers a request to CLOCK_PATH: POST moves the clock (`advance`, `speed`), any method reads it (JSON). */
export function clockAnswer(clock: TestClock, request: Request): Response {
  if (request.method === 'POST') {
    const params = new URL(request.url).searchParams;
    const advance = Number(params.get('advance') ?? '0');
    const speed = params.get('speed');
    if (!Number.isFinite(advance) || advance < 0) {
      return Response.json({ error: '"advance" must be a number of milliseconds >= 0' }, { status: 400 });
    }
    if (speed !== null && !(Number(speed) > 0 && Number(speed) <= 1_000)) {
      return Response.json({ error: '"speed" must be a number above 0, at most 1000' }, { status: 400 });
    }
    if (speed !== null) clock.setSpeed(Number(speed));
    clock.advance(advance);
  }
  return Response.json(clock.state(), { headers: { 'cache-control': 'no-store' } });
}
