/**
 * Time spent in Postgres by one GraphQL operation (the metrics' SQL-time histogram, server/metrics.ts): the runtime
 * runs an operation inside `withSqlClock`, and every statement the engine's pools send meanwhile is timed from send
 * to answer and added to that operation's clock. Statements outside an operation (catalog introspection, run_sql, the
 * async action processor) are on no clock. The clock travels with the async context (AsyncLocalStorage). pg-pool
 * hands a request that waited for a connection its client from another request's `release`, i.e. in that request's
 * context, so `timeStatements` also binds callback-style `connect` (what `pool.query` uses) to its caller's context.
 */
import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type pg from 'pg';

export interface SqlClock {
  /** Statements answered (or failed) while the clock ran. */
  statements: number;
  /** Their time from send to answer, summed. */
  seconds: number;
}

const clocks = new AsyncLocalStorage<SqlClock>();

/** Run `work` with a fresh clock; its statements are counted and timed on it. */
export async function withSqlClock<T>(work: () => Promise<T>): Promise<{ result: T; clock: SqlClock }> {
  const clock: SqlClock = { statements: 0, seconds: 0 };
  const result = await clocks.run(clock, work);
  return { result, clock };
}

type Fn = (...args: unknown[]) => unknown;

function timedQuery(send: Fn): Fn {
  return (...args) => {
    const clock = clocks.getStore();
    if (clock === undefined) return send(...args);
    const started = performance.now();
    const stop = (): void => {
      clock.statements += 1;
      clock.seconds += (performance.now() - started) / 1000;
    };
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (...answer: unknown[]) => {
        stop();
        return (callback as Fn)(...answer);
      };
      return send(...args);
    }
    const out = send(...args);
    if (out instanceof Promise) out.then(stop, stop);
    return out;
  };
}

/** Time every statement `pool`'s clients send (see the module comment). */
export function timeStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const c = client as unknown as { query: Fn };
    c.query = timedQuery(c.query.bind(client));
  });
  const p = pool as unknown as { connect: Fn };
  const connect = p.connect.bind(pool);
  p.connect = (...args) => {
    const callback = args[0];
    return typeof callback === 'function' ? connect(AsyncResource.bind(callback as Fn)) : connect(...args);
  };
}
