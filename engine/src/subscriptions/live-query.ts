/**
 * Live queries as Hasura runs them (src: Hasura/GraphQL/Execute/Subscription/{State,Poll}.hs; reference A8):
 * - a **poller** per (role, compiled statement text, response layout): subscribers whose queries compile to the same
 *   SQL differ only in bound values (variables, session variables);
 * - a **cohort** per distinct value list inside a poller: its subscribers share one result;
 * - every refetch interval the poller runs ONE multiplexed statement per batch of ≤ batchSize cohorts, hashes each
 *   cohort's result and pushes it only when it changed (new subscribers always get the current result);
 * - a new cohort is polled at once (first result without waiting for the interval);
 * - the last subscriber leaving stops the poller (no polling left after sockets close; reference D, #9963).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CompiledOperation } from '../compiler/compile-operation.js';
import { compile } from '../compiler/sql.js';
import type { SQL } from '../compiler/sql.js';
import { toGraphQLError } from '../errors.js';
import type { LiveQueryBackend } from '../execute/types.js';
import { dataBody } from '../execute/envelope.js';
import { fieldTexts } from '../executor/execute-compiled.js';
import { cohortVars, multiplexedFragment, multiplexedQuery } from './multiplex.js';
import { readBatch } from './stream.js';

export interface LiveQueryOptions {
  /** `HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL` (ms, default 1000). */
  refetchIntervalMs: number;
  /** `HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_BATCH_SIZE` (default 100). */
  batchSize: number;
  log: (line: string) => void;
}

interface Subscriber {
  readonly push: (body: string) => void;
  fresh: boolean;
}

/** Streaming cohorts: the cursor advances after every non-empty batch (stream.ts). */
export interface StreamCohort {
  readonly alias: string;
  /** The operation with the cursor at `value` (same SQL text). */
  readonly next: (value: unknown) => CompiledOperation;
}

interface Cohort {
  readonly id: string;
  readonly key: string;
  vars: string;
  readonly stream: StreamCohort | undefined;
  readonly subscribers: Set<Subscriber>;
  hash: string | undefined;
  body: string | undefined;
}

/** The response body for one cohort's result row. */
export function stitch(op: CompiledOperation, row: Record<string, string | null>): string {
  return dataBody(fieldTexts(op, row));
}

const sha1 = (s: string): string => createHash('sha1').update(s).digest('base64');

class Poller {
  readonly cohorts = new Map<string, Cohort>();
  private readonly byId = new Map<string, Cohort>();
  private readonly timer: NodeJS.Timeout;
  private types: Promise<string[]> | undefined;
  private running: Promise<void> | undefined;
  private kickPending = false;
  private readonly text: string;
  stopped = false;

  constructor(
    private readonly backend: LiveQueryBackend,
    private readonly op: CompiledOperation & { fragment: SQL },
    private readonly isAdmin: boolean,
    private readonly opts: LiveQueryOptions,
  ) {
    this.text = compile(op.fragment).text;
    this.timer = setInterval(() => void this.poll(false), opts.refetchIntervalMs);
    this.timer.unref();
  }

  add(values: readonly unknown[], push: (body: string) => void, stream?: StreamCohort): () => void {
    const vars = cohortVars(values);
    // Stream subscribers each own a cohort: their cursors advance independently.
    const key = stream ? randomUUID() : vars;
    let c = this.cohorts.get(key);
    if (!c) {
      c = { id: randomUUID(), key, vars, stream, subscribers: new Set(), hash: undefined, body: undefined };
      this.cohorts.set(key, c);
      this.byId.set(c.id, c);
    }
    const sub: Subscriber = { push, fresh: true };
    c.subscribers.add(sub);
    if (c.body !== undefined) {
      sub.fresh = false;
      push(c.body);
    } else this.kick();
    const cohort = c;
    return () => {
      cohort.subscribers.delete(sub);
      if (cohort.subscribers.size === 0) {
        this.cohorts.delete(cohort.key);
        this.byId.delete(cohort.id);
      }
    };
  }

  /** Poll the cohorts that have no result yet, soon (coalesces a burst of new subscribers). */
  private kick(): void {
    if (this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      void this.poll(true);
    });
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  async poll(onlyNew: boolean): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      if (onlyNew) {
        await this.running;
        this.kick();
      }
      return;
    }
    this.running = this.pollOnce(onlyNew).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pollOnce(onlyNew: boolean): Promise<void> {
    const cohorts = [...this.cohorts.values()].filter((c) => !onlyNew || c.body === undefined);
    if (cohorts.length === 0) return;
    let inner: SQL;
    try {
      this.types ??= this.backend.describeParams(this.op.fragment);
      inner = multiplexedFragment(this.op.fragment, await this.types);
    } catch (err) {
      this.types = undefined;
      this.deliverError(cohorts, err);
      return;
    }
    const batches: Cohort[][] = [];
    for (let i = 0; i < cohorts.length; i += this.opts.batchSize)
      batches.push(cohorts.slice(i, i + this.opts.batchSize));
    await Promise.all(batches.map((b) => this.runBatch(inner, b)));
  }

  private async runBatch(inner: SQL, batch: Cohort[]): Promise<void> {
    let rows: Record<string, string | null>[];
    try {
      rows = await this.backend.query(multiplexedQuery(inner, batch));
    } catch (err) {
      this.deliverError(batch, err);
      return;
    }
    if (this.stopped) return;
    for (const row of rows) {
      const c = this.byId.get(row['result_id'] ?? '');
      if (c) this.deliver(c, stitch(this.op, row));
    }
  }

  private deliverError(batch: readonly Cohort[], err: unknown): void {
    if (!(err instanceof Error && err.name === 'EngineError'))
      this.opts.log(`live query poll failed: ${err instanceof Error ? err.message : 'non-error thrown'}`);
    const body = JSON.stringify({ errors: [toGraphQLError(err, this.isAdmin)] });
    for (const c of batch) this.deliver(c, body);
  }

  private deliver(c: Cohort, body: string): void {
    const batch = c.stream ? readBatch(body, c.stream.alias) : undefined;
    if (c.stream && batch) {
      // Streaming: push non-empty batches (and the first result), then move the cursor past the last row.
      const first = c.body === undefined;
      c.body = batch.body;
      if (batch.rows > 0 || first) for (const s of c.subscribers) s.push(batch.body);
      if (batch.rows > 0) {
        try {
          const next = c.stream.next(batch.cursor);
          if (next.fragment && next.query && compile(next.fragment).text === this.text)
            c.vars = cohortVars(next.query.values);
        } catch (err) {
          this.opts.log(`stream cursor update failed: ${err instanceof Error ? err.message : 'non-error thrown'}`);
        }
      }
      return;
    }
    const h = sha1(body);
    const changed = h !== c.hash;
    c.hash = h;
    c.body = body;
    for (const s of c.subscribers) {
      if (changed || s.fresh) {
        s.fresh = false;
        s.push(body);
      }
    }
  }
}

/** All pollers of one runtime. */
export class LiveQueryManager {
  private readonly pollers = new Map<string, Poller>();
  private subscribers = 0;

  constructor(
    private readonly backend: LiveQueryBackend,
    private readonly opts: LiveQueryOptions,
  ) {}

  /** Number of active pollers (tests, metrics). */
  get pollerCount(): number {
    return this.pollers.size;
  }

  /** Number of subscriptions that poll (metrics). */
  get subscriberCount(): number {
    return this.subscribers;
  }

  /**
   * Add a subscriber for a compiled operation; `push` receives every result body that must be sent. Returns the
   * unsubscribe function (idempotent).
   */
  subscribe(role: string, op: CompiledOperation, push: (body: string) => void, stream?: StreamCohort): () => void {
    const frag = op.fragment;
    if (!frag || !op.query) {
      // Nothing to poll (only __typename / introspection): the one result never changes.
      push(stitch(op, {}));
      return () => undefined;
    }
    const key = JSON.stringify([stream ? 'stream' : 'live', role, compile(frag).text, op.parts]);
    let p = this.pollers.get(key);
    if (!p || p.stopped) {
      p = new Poller(this.backend, { ...op, fragment: frag }, role === 'admin', this.opts);
      this.pollers.set(key, p);
    }
    const poller = p;
    const remove = poller.add(op.query.values, push, stream);
    this.subscribers += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subscribers -= 1;
      remove();
      if (poller.cohorts.size === 0) {
        poller.stop();
        if (this.pollers.get(key) === poller) this.pollers.delete(key);
      }
    };
  }

  close(): void {
    for (const p of this.pollers.values()) p.stop();
    this.pollers.clear();
  }
}
