/**
 * Every request of a load run: who sent it, what it was, when it started and ended (ms since the run's origin) and
 * how it ended. Requests still open are kept apart so that a hung one is visible at the end.
 */

export type UserKind = 'browser' | 'editor' | 'subscriber' | 'setup';

/**
 * How a request ended:
 * - `ok`: the answer it wanted (2xx, GraphQL data without errors);
 * - `maintenance`: the gateway's maintenance page (503, text/html) instead of the API;
 * - `graphql-error`: a Hasura-shaped `{errors:[{message, extensions:{code}}]}` answer;
 * - `api-error`: the API's `{error:{code, message}}` answer;
 * - `http-error`: any other status or body (e.g. the gateway's 502 text, a non-JSON 500);
 * - `network`: no HTTP answer (connection refused or reset);
 * - `timeout`: the request's own deadline fired first.
 */
export type Outcome = 'ok' | 'maintenance' | 'graphql-error' | 'api-error' | 'http-error' | 'network' | 'timeout';

export interface Sample {
  id: number;
  user: number;
  kind: UserKind;
  /** `gql:browse`, `api:login`, `action:createWorksheet`, … */
  op: string;
  start: number;
  end: number;
  timeoutMs: number;
  outcome: Outcome;
  status: number;
  /** error code (`webhook-failed`, `session-store-unavailable`, `ECONNRESET`, …) or '' */
  code: string;
}

export interface OpenRequest {
  id: number;
  user: number;
  kind: UserKind;
  op: string;
  start: number;
  timeoutMs: number;
}

export class Recorder {
  readonly origin = performance.now();
  readonly samples: Sample[] = [];
  private readonly open = new Map<number, OpenRequest>();
  private nextId = 1;

  /** ms since the origin */
  now(): number {
    return performance.now() - this.origin;
  }

  begin(user: number, kind: UserKind, op: string, timeoutMs: number): OpenRequest {
    const r: OpenRequest = { id: this.nextId++, user, kind, op, start: this.now(), timeoutMs };
    this.open.set(r.id, r);
    return r;
  }

  finish(r: OpenRequest, outcome: Outcome, status: number, code = ''): Sample {
    this.open.delete(r.id);
    const s: Sample = { ...r, end: this.now(), outcome, status, code };
    this.samples.push(s);
    return s;
  }

  /** Requests that have not ended yet. */
  inFlight(): OpenRequest[] {
    return [...this.open.values()];
  }
}
