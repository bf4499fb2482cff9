/**
 * A bounded gate for CPU- and memory-heavy work (argon2): at most `concurrency` jobs run, at most `queue` wait, and
 * anything beyond is refused at once with 503 service-unavailable + Retry-After, instead of piling up unbounded
 * (a burst of logins would otherwise hold every libuv thread and 19 MiB per hash, and stall the whole process).
 */
import { ApiError } from '../errors.js';

export interface Gate {
  run<T>(job: () => Promise<T>): Promise<T>;
}

export function createGate(opts: { concurrency: number; queue: number }): Gate {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    async run(job) {
      if (active < opts.concurrency) {
        active += 1;
      } else if (waiting.length < opts.queue) {
        // The slot is handed over by `release` (active stays counted), so no newcomer can overtake the queue.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        throw new ApiError('service-unavailable', 'too many password checks at once', { 'Retry-After': '1' });
      }
      try {
        return await job();
      } finally {
        release();
      }
    },
  };
}
