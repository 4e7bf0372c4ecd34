// Timers for bounded waits: every await in the probes goes through race() so nothing waits forever.

export const now = (): number => performance.now();

/** Milliseconds since `start`, rounded. */
export const since = (start: number): number => Math.round(now() - start);

export class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

export class AbortedError extends Error {
  readonly code = 'ABORT_ERR';
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

/** The time left for a wait: the phase bound, cut short by the overall deadline (absolute, from now()). */
export function budget(timeoutMs: number, deadline: number): number {
  return Math.max(0, Math.min(timeoutMs, deadline - now()));
}

/**
 * Waits for `p` at most `ms`; rejects with TimeoutError(what) after that, or AbortedError when the signal fires.
 * `onGiveUp` runs when the wait is abandoned (to destroy a socket); a late rejection of `p` is swallowed.
 */
export function race<T>(p: Promise<T>, ms: number, what: string, signal?: AbortSignal, onGiveUp?: () => void): Promise<T> {
  p.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const giveUp = (err: Error) =>
      finish(() => {
        onGiveUp?.();
        reject(err);
      });
    const onAbort = () => giveUp(new AbortedError());
    const timer = setTimeout(() => giveUp(new TimeoutError(`${what}: no answer within ${Math.round(ms)} ms`)), ms);
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => finish(() => resolve(v)),
      (e) => finish(() => reject(e)),
    );
  });
}
