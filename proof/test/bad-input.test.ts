/**
 * Bad input corpus (issue 7 item 5): malformed and hostile requests through the local gateway (traefik/ routes) to
 * the real engine (webhook auth against the API) and the real API. Every input must get a clean 4xx or a
 * Hasura-shaped GraphQL answer: never a 5xx, an `unexpected` error, a stack trace, SQL text or a secret; the
 * processes stay up (health checks between batches); latency stays bounded; forged session headers never elevate.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type RunningApps } from '../../stack/src/apps.js';
import { cloneTemplate, testStack, type TestDb } from '../../stack/src/testing.js';
import {
  actionCases,
  buildCorpus,
  FORGED,
  headerCases,
  PRIVILEGE_QUERIES,
  restCases,
  type Case,
} from '../src/corpus.js';
import { send, type RawReply } from '../src/http.js';
import { pool, quantile } from '../src/pool.js';
import { seedFromEnv } from '../src/prng.js';

const SEED = seedFromEnv('BAD_INPUT_SEED');
const COOKIE = 'coursetable.session';

let db: TestDb;
let apps: RunningApps;
let gw: { url: string };
let engine: { url: string };
let studentCookie = '';
let secrets: string[] = [];
let engineLog: () => string[] = () => [];
const latencies: number[] = [];

beforeAll(async () => {
  console.log(`bad input: BAD_INPUT_SEED=${SEED}`);
  db = await cloneTemplate();
  const stack = testStack();
  // The system as docker-compose.yml runs it (gateway, API, worker, engine), on a database of its own.
  apps = await startApps({
    stack,
    db: db.name,
    env: { REDIS_KEY_PREFIX: `bad:${randomBytes(4).toString('hex')}:`, LOG_LEVEL: 'warn' },
    log: () => undefined,
  });
  gw = { url: apps.urls['gateway'] ?? '' };
  engine = { url: apps.replicas.engine[0]?.url ?? '' };
  engineLog = () =>
    readFileSync(join(apps.local.dir, 'logs', 'graphql-engine-1.log'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('engine: serving'));
  secrets = [
    ...Object.entries(stack.env)
      .filter(([k]) => /PASSWORD|SECRET/.test(k))
      .map(([, v]) => v),
    db.bouncerUrl('ct_engine'),
    db.bouncerUrl('ct_api'),
  ].filter((s) => s.length >= 8);
  const email = `proof-${SEED}@example.edu`;
  const up = await send(`${gw.url}/api/auth/password/signup`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple', displayName: 'Proof' }),
  });
  expect(up.status, up.body).toBe(202); // sign-up starts no session (same answer for a taken address): log in
  const res = await send(`${gw.url}/api/auth/password/login`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'correct horse battery staple' }),
  });
  expect(res.status, res.body).toBe(200);
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  studentCookie = (set.find((c) => c.startsWith(`${COOKIE}=`)) ?? '').split(';')[0] ?? '';
  expect(studentCookie).not.toBe('');
}, 180_000);

afterAll(async () => {
  await apps?.stop();
  await db?.drop().catch(() => undefined);
});

// SQL statement fragments and catalog errors. Postgres *data* errors that Hasura itself passes through with code
// `data-exception` (e.g. `invalid input syntax for type timestamp: "x"`) are not SQL text and are allowed.
const SQLISH =
  /json_agg|row_to_json|json_build_object|coalesce\(|"public"\.|syntax error at or near|relation "[^"]+" does not exist|violates [a-z ]*constraint|duplicate key value|permission denied for|SQLSTATE|pg_catalog/i;
const STACK = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|\/work\/|\.ts:\d+:\d+|file:\/\//;

/** why this reply is not acceptable, or undefined */
function judge(c: Case, r: RawReply): string | undefined {
  if (r.failure) return `no answer (${r.failure})`;
  if (r.status >= 500) return `status ${r.status}`;
  if (STACK.test(r.body)) return 'stack trace or source path in the body';
  if (SQLISH.test(r.body)) return `SQL text in the body: ${SQLISH.exec(r.body)?.[0]}`;
  for (const s of secrets) if (r.body.includes(s)) return 'a secret in the body';
  if (c.surface === 'graphql' && r.status === 200) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.body);
    } catch {
      return 'status 200 with a non-JSON body';
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    for (const it of items) {
      if (it === null || typeof it !== 'object') return 'not a GraphQL response object';
      const o = it as { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> };
      if (o.data === undefined && o.errors === undefined) return 'neither data nor errors';
      for (const e of o.errors ?? []) {
        if (typeof e.message !== 'string' || typeof e.extensions?.code !== 'string')
          return `error not Hasura-shaped: ${JSON.stringify(e).slice(0, 200)}`;
        if (e.extensions.code === 'unexpected') return `unexpected error: ${e.message}`;
      }
    }
  }
  return undefined;
}

async function fire(c: Case): Promise<RawReply> {
  const headers = { ...c.headers };
  if (c.who === 'student')
    headers['cookie'] = headers['cookie'] ? `${String(headers['cookie'])}; ${studentCookie}` : studentCookie;
  const r = await send(`${gw.url}${c.path}`, { method: c.method, headers, body: c.body });
  latencies.push(r.ms);
  return r;
}

async function healthy(): Promise<string | undefined> {
  const g = await send(`${gw.url}/v1/graphql`, {
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ courses(limit: 1) { course_id } }"}',
    timeoutMs: 10_000,
  });
  if (g.status !== 200 || !g.body.includes('"course_id"'))
    return `engine via gateway: ${g.status} ${g.failure ?? ''} ${g.body.slice(0, 200)}`;
  const a = await send(`${gw.url}/api/ping`, { method: 'GET', timeoutMs: 10_000 });
  if (a.status !== 200) return `api via gateway: ${a.status} ${a.failure ?? ''} ${a.body.slice(0, 200)}`;
  const e = await send(`${engine.url}/healthz`, { method: 'GET', timeoutMs: 10_000 });
  if (e.status !== 200) return `engine healthz: ${e.status}`;
  return undefined;
}

async function runCorpus(cases: Case[]): Promise<{ bad: string[]; count: number }> {
  const bad: string[] = [];
  const BATCH = 100;
  for (let start = 0; start < cases.length; start += BATCH) {
    const batch = cases.slice(start, start + BATCH);
    await pool(batch.length, 8, async (i) => {
      const c = batch[i]!;
      const r = await fire(c);
      const why = judge(c, r);
      if (why) bad.push(`${c.name}: ${why} — ${r.status} ${r.body.slice(0, 300)}`);
    });
    const h = await healthy();
    if (h) bad.push(`after batch ${start / BATCH}: unhealthy: ${h}`);
  }
  return { bad, count: cases.length };
}

const totals = { inputs: 0 };

describe('bad input through the gateway', () => {
  it('stack is healthy before the corpus', async () => {
    expect(await healthy()).toBeUndefined();
  });

  it(
    'GraphQL bodies, variables, documents, batches: clean 4xx or Hasura-shaped errors',
    { timeout: 180_000 },
    async () => {
      const cases = buildCorpus(SEED);
      const { bad, count } = await runCorpus(cases);
      totals.inputs += count;
      console.log(`graphql corpus: ${count} inputs, ${bad.length} bad`);
      for (const b of bad.slice(0, 30)) console.log(`  ${b}`);
      expect(count).toBeGreaterThan(800);
      expect(bad).toEqual([]);
    },
  );

  it('headers and cookies: clean answers', { timeout: 60_000 }, async () => {
    const { bad, count } = await runCorpus(headerCases());
    totals.inputs += count;
    for (const b of bad) console.log(`  ${b}`);
    expect(bad).toEqual([]);
  });

  it('action inputs through GraphQL with a logged-in session', { timeout: 120_000 }, async () => {
    const { bad, count } = await runCorpus(actionCases());
    totals.inputs += count;
    console.log(`action corpus: ${count} inputs, ${bad.length} bad`);
    for (const b of bad.slice(0, 30)) console.log(`  ${b}`);
    expect(bad).toEqual([]);
  });

  it('REST bodies of the API routes', { timeout: 120_000 }, async () => {
    const { bad, count } = await runCorpus(restCases());
    totals.inputs += count;
    console.log(`rest corpus: ${count} inputs, ${bad.length} bad`);
    for (const b of bad.slice(0, 30)) console.log(`  ${b}`);
    expect(bad).toEqual([]);
  });

  it('forged role / user-id / secret headers never elevate privileges', { timeout: 60_000 }, async () => {
    const elevated: string[] = [];
    const ask = (q: string, cookie: string | undefined, extra: Record<string, string>) =>
      send(`${gw.url}/v1/graphql`, {
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...extra },
        body: JSON.stringify({ query: q }),
      });
    let n = 0;
    for (const who of [undefined, studentCookie]) {
      for (const q of PRIVILEGE_QUERIES) {
        const base = await ask(q, who, {});
        const baseJson = JSON.parse(base.body) as { data?: unknown };
        for (const f of FORGED) {
          const r = await ask(q, who, f);
          n++;
          latencies.push(r.ms);
          const parsed = r.status === 200 ? (JSON.parse(r.body) as { data?: unknown }) : { data: undefined };
          // acceptable: exactly the unforged answer, or an error without data
          if (parsed.data !== undefined && JSON.stringify(parsed.data) !== JSON.stringify(baseJson.data)) {
            elevated.push(
              `${who ? 'student' : 'anonymous'} ${JSON.stringify(f)} ${q}: ${r.body.slice(0, 200)} vs ${base.body.slice(0, 200)}`,
            );
          }
        }
      }
    }
    totals.inputs += n;
    console.log(`forged headers: ${n} requests, ${elevated.length} elevated`);
    expect(elevated).toEqual([]);
  });

  it('websocket junk frames get protocol errors or a close, and the engine stays up', { timeout: 90_000 }, async () => {
    const wsUrl = `${gw.url.replace('http', 'ws')}/v1/graphql`;
    const frames: Array<string | Buffer> = [
      'x',
      '',
      '{',
      'null',
      '[]',
      '1',
      '{}',
      '{"type": 1}',
      '{"type": "nope"}',
      '{"type": "subscribe"}',
      '{"type": "start", "id": "1"}',
      '{"type": "connection_init", "payload": "x"}',
      '{"type": "connection_init", "payload": []}',
      JSON.stringify({
        type: 'connection_init',
        payload: { headers: { 'x-hasura-role': 'admin', 'x-hasura-admin-secret': 'guess' } },
      }),
      JSON.stringify({ type: 'connection_init', payload: { ['x'.repeat(100)]: 'y'.repeat(500_000) } }),
      Buffer.from([0xff, 0x00, 0xfe]),
      `${'['.repeat(100_000)}`,
      JSON.stringify({ type: 'connection_init' }) + 'junk',
      JSON.stringify({ type: 'ping', payload: 'x'.repeat(100_000) }),
      JSON.stringify({ type: 'complete', id: {} }),
    ];
    const sub = (id: unknown, query: unknown) => JSON.stringify({ type: 'subscribe', id, payload: { query } });
    const start = (id: unknown, query: unknown) => JSON.stringify({ type: 'start', id, payload: { query } });
    const afterInit: string[] = [
      sub('1', '{ nope }'),
      sub('2', 1),
      sub(3, '{ courses { course_id } }'),
      sub('', '{ __typename }'),
      sub('x'.repeat(10_000), '{ __typename }'),
      sub('4', '{ password_credentials { password_hash } }'),
      sub('5', `subscription { ${'courses { listings { course { '.repeat(200)}course_id${' } } }'.repeat(200)} }`),
      sub('6', 'subscription { courses(limit: 1) { course_id } }') + sub('6', '{ __typename }'),
      start('7', '{ nope }'),
      start('8', 1),
      JSON.stringify({
        type: 'subscribe',
        id: '9',
        payload: { query: 'subscription ($n: Int!) { courses(limit: $n) { course_id } }', variables: { n: 'x' } },
      }),
      JSON.stringify({ type: 'subscribe', id: '10', payload: null }),
      JSON.stringify({ type: 'complete', id: 'never-started' }),
      "{ 'type': 'subscribe' }",
      'x'.repeat(2_000_000),
    ];
    let inputs = 0;
    const problems: string[] = [];
    const scenario = async (protocol: string, preInit: string | Buffer | undefined, post: string | undefined) => {
      const ws = new WebSocket(wsUrl, protocol, { headers: {} });
      const msgs: string[] = [];
      let closed: number | undefined;
      ws.on('message', (d: Buffer) => msgs.push(d.toString('utf8').slice(0, 500)));
      ws.on('error', () => undefined);
      const opened = await new Promise<boolean>((res) => {
        ws.once('open', () => res(true));
        ws.once('error', () => res(false));
        ws.once('unexpected-response', (_req, resp) => {
          if ((resp.statusCode ?? 0) >= 500) problems.push(`${protocol}: upgrade answered ${resp.statusCode}`);
          res(false);
        });
      });
      ws.on('close', (code: number) => (closed = code));
      if (!opened) return;
      if (preInit !== undefined) ws.send(preInit);
      else ws.send(JSON.stringify({ type: 'connection_init', payload: {} }));
      if (post !== undefined) {
        await new Promise((r) => setTimeout(r, 50));
        if (closed === undefined) ws.send(post);
      }
      inputs++;
      const until = Date.now() + 1500;
      const want = post !== undefined ? 2 : 1;
      while (closed === undefined && Date.now() < until && msgs.length < want)
        await new Promise((r) => setTimeout(r, 20));
      for (const m of msgs) {
        if (STACK.test(m) || SQLISH.test(m)) problems.push(`${protocol}: leaky message ${m}`);
        if (/"unexpected"/.test(m)) problems.push(`${protocol}: unexpected error ${m}`);
        if (/password_hash"\s*:/.test(m)) problems.push(`${protocol}: password hash in a message ${m}`);
      }
      if (closed !== undefined && (closed === 1011 || closed === 1006))
        problems.push(`${protocol}: closed abnormally ${closed} after ${String(preInit ?? post).slice(0, 80)}`);
      ws.terminate();
    };
    for (const protocol of ['graphql-transport-ws', 'graphql-ws']) {
      const all: Array<[string | Buffer | undefined, string | undefined]> = [
        ...frames.map((f): [Buffer | string, undefined] => [f, undefined]),
        ...afterInit.map((f): [undefined, string] => [undefined, f]),
      ];
      await pool(all.length, 8, (i) => scenario(protocol, all[i]![0], all[i]![1]));
      const h = await healthy();
      if (h) problems.push(`after ${protocol} junk: ${h}`);
    }
    totals.inputs += inputs;
    console.log(`websocket: ${inputs} junk frames, ${problems.length} problems`);
    for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
    expect(problems).toEqual([]);
  });

  it('latency stays bounded and nothing unexpected was logged by the engine', () => {
    const p50 = quantile(latencies, 0.5);
    const p99 = quantile(latencies, 0.99);
    const max = Math.max(...latencies);
    console.log(
      `bad input total: ${totals.inputs} inputs; latency p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms; engine log lines: ${engineLog().length}`,
    );
    for (const l of engineLog().slice(0, 10)) console.log(`  engine: ${l.slice(0, 300)}`);
    expect(totals.inputs).toBeGreaterThanOrEqual(1000);
    expect(p99).toBeLessThan(3000);
    expect(max).toBeLessThan(15_000);
  });
});
