/**
 * What a virtual user sends through the gateway: GraphQL on /v1/graphql (reads, and writes through the engine's
 * actions) and the API's login routes, each recorded with its outcome. Writes are never retried here: a write
 * whose answer is lost stays unacknowledged, and the verdict checks that it happened at most once.
 */
import type http from 'node:http';
import { classifyApi, classifyGraphql, send, type Classified } from './http.js';
import type { Recorder, Sample, UserKind } from './recorder.js';

export interface Timeouts {
  /** GraphQL reads and the API's login routes */
  readMs: number;
  /** action mutations (the engine's action timeout is 10 s) */
  writeMs: number;
}

export interface Result extends Classified {
  sample: Sample;
  setCookie: string[];
}

export class LoadClient {
  constructor(
    readonly gatewayUrl: string,
    private readonly agent: http.Agent,
    readonly recorder: Recorder,
    readonly timeouts: Timeouts,
  ) {}

  async gql(
    who: { id: number; kind: UserKind; cookie?: string | undefined },
    op: string,
    query: string,
    variables: Record<string, unknown> = {},
    opts: { write?: boolean } = {},
  ): Promise<Result> {
    const timeoutMs = opts.write ? this.timeouts.writeMs : this.timeouts.readMs;
    const open = this.recorder.begin(who.id, who.kind, op, timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who.cookie) headers['cookie'] = who.cookie;
    const reply = await send(this.agent, `${this.gatewayUrl}/v1/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      timeoutMs,
    });
    const c = classifyGraphql(reply);
    const sample = this.recorder.finish(open, c.outcome, reply.status, c.code);
    return { ...c, sample, setCookie: reply.setCookie };
  }

  async api(
    who: { id: number; kind: UserKind; cookie?: string | undefined },
    op: string,
    path: string,
    body: unknown,
  ): Promise<Result> {
    const timeoutMs = this.timeouts.readMs;
    const open = this.recorder.begin(who.id, who.kind, op, timeoutMs);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (who.cookie) headers['cookie'] = who.cookie;
    const reply = await send(this.agent, `${this.gatewayUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      timeoutMs,
    });
    const c = classifyApi(reply);
    const sample = this.recorder.finish(open, c.outcome, reply.status, c.code);
    return { ...c, sample, setCookie: reply.setCookie };
  }
}

/** `name=value` of the cookie `name` among Set-Cookie headers, if set. */
export function cookieFrom(setCookie: string[], name: string): string | undefined {
  for (const line of setCookie) {
    const pair = line.split(';')[0] ?? '';
    if (pair.startsWith(`${name}=`)) return pair;
  }
  return undefined;
}
