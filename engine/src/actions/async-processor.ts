/**
 * The background loop of asynchronous actions (src: Hasura/GraphQL/Execute/Action.hs `asyncActionsProcessor`):
 * every `HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_INTERVAL` ms (default 1000, 0 disables) claim up to
 * `HASURA_GRAPHQL_ASYNC_ACTIONS_FETCH_BATCH_SIZE` (default 10) 'created' rows of the log (in the metadata database
 * when there is one, executor/catalog-pool.ts),
 * call their handlers concurrently exactly as for synchronous actions (same body, headers, timeout, transforms,
 * output validation) and store the payload ('completed') or the error ('error'). Claiming is one
 * `UPDATE … FOR UPDATE SKIP LOCKED` statement, so engines sharing a database never run one call twice. Nothing here
 * can throw into the process: every failure is caught and the loop goes on.
 */
import type pg from 'pg';
import type { GraphQLOutputType } from 'graphql';
import type { ActionInfo } from '../model/action-types.js';
import { claimActionLogs, releaseActionLogs, setActionLogResult } from '../executor/action-log.js';
import type { ActionLogItem } from '../executor/action-log.js';
import { callActionHandler } from './run-action.js';
import { asyncErrorJson } from './run-async-action.js';
import type { ActionsConfig } from '../config/runtime-config.js';

export interface AsyncActionTarget {
  readonly info: ActionInfo;
  /** The action's output type in the admin schema (validation of the handler's payload). */
  readonly outputType: GraphQLOutputType;
}

export class AsyncActionProcessor {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private tick: Promise<void> | null = null;
  /** Rows claimed by this engine whose result is not stored yet (released on stop). */
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly actions: ActionsConfig,
    /** The current async actions (re-read every tick: metadata can be replaced). */
    private readonly targets: () => ReadonlyMap<string, AsyncActionTarget>,
    private readonly intervalMs: number,
    private readonly batchSize: number = actions.asyncFetchBatchSize,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.stopped) return;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tick = this.runOnce().finally(() => {
        this.tick = null;
        this.schedule();
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** One fetch: claim rows, then run their handlers without waiting (the next tick is not delayed by a handler). */
  async runOnce(): Promise<void> {
    try {
      const targets = this.targets();
      if (targets.size === 0 || this.stopped || this.batchSize === 0) return;
      const rows = await claimActionLogs(this.pool, [...targets.keys()], this.batchSize);
      for (const row of rows) {
        const t = targets.get(row.action_name);
        if (!t) continue;
        this.inFlight.add(row.id);
        void this.process(t, row);
      }
    } catch {
      // The database is unreachable or the table is gone: try again on the next tick.
    }
  }

  private async process(t: AsyncActionTarget, row: ActionLogItem): Promise<void> {
    let result: { ok: true; payload: unknown } | { ok: false; errors: unknown };
    try {
      const body = {
        action: { name: t.info.name },
        input: row.input_payload,
        session_variables: row.session_variables,
        request_query: null,
      };
      const payload = await callActionHandler(t.info, t.outputType, body, row.request_headers, this.actions, []);
      result = { ok: true, payload };
    } catch (e) {
      result = { ok: false, errors: asyncErrorJson(e) };
    }
    if (this.stopped) return; // released by stop(); another engine (or the next start) runs it again
    try {
      await setActionLogResult(this.pool, row.id, result);
    } catch {
      // Left 'processing', as Hasura does when it cannot write the result.
    } finally {
      this.inFlight.delete(row.id);
    }
  }

  /** Stop polling: no timer is left, a fetch in progress is awaited, unfinished claimed rows go back to 'created'. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tick;
    const ids = [...this.inFlight];
    this.inFlight.clear();
    await releaseActionLogs(this.pool, ids).catch(() => undefined);
  }
}
