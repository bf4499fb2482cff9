/**
 * Scale-out (issue 7 item 4): three API processes and two engine processes behind the local gateway, started by
 * startApps as `npm start` starts one of each. A session created on one API replica is valid on the others (sessions
 * live in Redis), and every engine replica resolves the user's role through the webhook (the API's service address).
 * Then 20 clients load the system through the gateway (GraphQL reads and worksheet-creating actions as ten users, and
 * /api/auth/check) while one API replica and one engine replica are SIGKILLed. Checked afterwards:
 *   - every request got an answer before its deadline;
 *   - every failed request was in flight at a kill (it started before the killed process had exited and ended after
 *     the signal was sent), and there are no more of them than requests were in flight then;
 *   - every acknowledged worksheet is in the database exactly once, and no attempt was applied twice;
 *   - the gateway kept answering from the remaining replicas (no gap in successful answers);
 *   - the killed replicas come back on their ports and carry the traffic alone while their siblings are stopped.
 * Figures go to the console and test-artifacts/proof/scale-out.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps, type AppHandle, type RunningApps } from '../../stack/src/apps.js';
import { cloneTemplate, testStack, type TestDb } from '../../stack/src/testing.js';
import { send, type RawReply } from '../src/http.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const COOKIE = 'coursetable.session';
const PASSWORD = 'correct horse battery staple';
const USERS = 10;
const LOAD_MS = 8000;
const KILL_API_AT_MS = 2500;
const KILL_ENGINE_AT_MS = 4500;
/** Worksheets are limited to 20 per user and season: one write per writer every 110 ms stays under 4 × 20 in 8 s. */
const WRITE_EVERY_MS = 110;
const REQUEST_TIMEOUT_MS = 10_000;

let db: TestDb;
let owner: pg.Pool;
let apps: RunningApps;
let gw = '';
let seasons: string[] = [];
const appLog: string[] = [];
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  const t0 = performance.now();
  db = await cloneTemplate();
  owner = new pg.Pool({ connectionString: db.directUrl('ct_owner'), max: 2 });
  apps = await startApps({
    stack: testStack(),
    db: db.name,
    log: (l) => appLog.push(l),
    replicas: { api: 3, engine: 2 },
    env: {
      // Shared with other test files' apps on the run's Redis: keep our sessions, limits and queues apart.
      REDIS_KEY_PREFIX: `scale:${randomBytes(4).toString('hex')}:`,
      // Eleven sign-ups from 127.0.0.1 and ~70 actions per user in 8 s are this test's load, not an attack.
      RATE_LIMIT_LOGIN: '1000/60',
      RATE_LIMIT_ACTIONS: '10000/60',
      LOG_LEVEL: 'warn',
    },
  });
  gw = apps.urls['gateway'] ?? '';
  seasons = (await owner.query<{ season_code: string }>('select season_code from seasons order by 1')).rows.map(
    (r) => r.season_code,
  );
  figures['start_ms'] = Math.round(performance.now() - t0);
}, 120_000);

afterAll(async () => {
  await apps?.stop();
  await owner?.end();
  await db?.drop().catch(() => undefined);
  mkdirSync(`${REPO}test-artifacts/proof`, { recursive: true });
  writeFileSync(`${REPO}test-artifacts/proof/scale-out.json`, JSON.stringify(figures, null, 2) + '\n');
  console.log(`scale-out figures: ${JSON.stringify(figures, null, 2)}`);
  if (appLog.length > 0) console.log(`apps:\n${appLog.join('\n')}`);
}, 60_000);

const api = (i: number): AppHandle => apps.replicas.api[i]!;
const engine = (i: number): AppHandle => apps.replicas.engine[i]!;

function sessionCookie(r: RawReply): string {
  const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  return (set.find((c) => c.startsWith(`${COOKIE}=`)) ?? '').split(';')[0] ?? '';
}

async function signup(base: string, email: string): Promise<{ cookie: string; userId: number }> {
  const up = await send(`${base}/api/auth/password/signup`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, displayName: email.split('@')[0] }),
  });
  expect(up.status, up.body).toBe(202); // sign-up starts no session (same answer for a taken address): log in
  const r = await send(`${base}/api/auth/password/login`, {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(r.status, r.body).toBe(200);
  const cookie = sessionCookie(r);
  expect(cookie).not.toBe('');
  return { cookie, userId: (JSON.parse(r.body) as { user: { id: number } }).user.id };
}

async function check(base: string, cookie: string): Promise<{ auth: boolean; user: { id: number } | null }> {
  const r = await send(`${base}/api/auth/check`, { method: 'GET', headers: { cookie } });
  expect(r.status, r.body).toBe(200);
  return JSON.parse(r.body) as { auth: boolean; user: { id: number } | null };
}

interface GqlReply {
  reply: RawReply;
  data: Record<string, unknown> | undefined;
  errors: Array<{ message: string; extensions?: { code?: string } }> | undefined;
}

async function gql(base: string, cookie: string | undefined, query: string): Promise<GqlReply> {
  const reply = await send(`${base}/v1/graphql`, {
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query }),
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  let parsed: { data?: Record<string, unknown>; errors?: GqlReply['errors'] } = {};
  try {
    parsed = JSON.parse(reply.body) as typeof parsed;
  } catch {
    // not JSON: a gateway error page; judged by the caller
  }
  return { reply, data: parsed.data ?? undefined, errors: parsed.errors };
}

const createWorksheet = (season: string, name: string) =>
  `mutation { createWorksheet(season_code: "${season}", name: "${name}") { worksheet_id name } }`;
const MY_WORKSHEETS = '{ worksheets(order_by: {worksheet_id: desc}, limit: 3) { worksheet_id user_id name } }';

describe('sessions and roles across replicas', () => {
  it('a session created on one API replica is valid on the others and through the gateway', async () => {
    expect(apps.replicas.api.map((a) => a.name)).toEqual(['api-1', 'api-2', 'api-3']);
    expect(apps.replicas.engine.map((e) => e.name)).toEqual(['graphql-engine-1', 'graphql-engine-2']);
    const email = `so-${randomBytes(3).toString('hex')}@example.edu`;
    const { cookie, userId } = await signup(api(0).url, email);
    for (const base of [...apps.replicas.api.map((a) => a.url), gw]) {
      expect(await check(base, cookie), base).toMatchObject({ auth: true, user: { id: userId } });
    }
    // A second login (on api-2) is ended on api-3; api-1 sees it ended, the first session is untouched.
    const login = await send(`${api(1).url}/api/auth/password/login`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(login.status, login.body).toBe(200);
    const second = sessionCookie(login);
    expect((await send(`${api(2).url}/api/auth/logout`, { headers: { cookie: second } })).status).toBe(200);
    expect(await check(api(0).url, second)).toMatchObject({ auth: false });
    expect(await check(api(0).url, cookie)).toMatchObject({ auth: true, user: { id: userId } });
  });

  it('every engine replica resolves the user through the webhook; a write on one is read on the other', async () => {
    const { cookie, userId } = await signup(gw, `so-${randomBytes(3).toString('hex')}@example.edu`);
    const made = await gql(engine(0).url, cookie, createWorksheet(seasons[0]!, 'made on engine-1'));
    expect(made.errors).toBeUndefined();
    const id = (made.data?.['createWorksheet'] as { worksheet_id: number }).worksheet_id;
    for (const e of apps.replicas.engine) {
      const seen = await gql(e.url, cookie, MY_WORKSHEETS);
      expect(seen.errors, e.name).toBeUndefined();
      expect(seen.data?.['worksheets'], e.name).toEqual([
        { worksheet_id: id, user_id: userId, name: 'made on engine-1' },
      ]);
      // Without the cookie the webhook answers anonymous, which has no worksheets at all.
      const anon = await gql(e.url, undefined, MY_WORKSHEETS);
      expect(anon.errors?.[0]?.extensions?.code, e.name).toBe('validation-failed');
    }
  });
});

type Kind = 'graphql-read' | 'api-check' | 'write';
interface Sample {
  kind: Kind;
  start: number;
  end: number;
  ok: boolean;
  status: number;
  failure: string | undefined;
  detail: string;
  /** writes: the worksheet name sent, and the id when acknowledged */
  name?: string;
  id?: number;
}
interface Kill {
  replica: string;
  /** when the signal was sent / when the process was seen to exit (ms since the load started) */
  sent: number;
  exited: number;
}

describe('under load, one API and one engine replica are killed', () => {
  const samples: Sample[] = [];
  const kills: Kill[] = [];
  let users: Array<{ cookie: string; userId: number }> = [];
  let t0 = 0;
  const now = () => performance.now() - t0;

  beforeAll(async () => {
    const tag = randomBytes(3).toString('hex');
    users = await Promise.all(Array.from({ length: USERS }, (_, i) => signup(gw, `load-${tag}-${i}@example.edu`)));
  }, 60_000);

  async function record(kind: Kind, run: () => Promise<Omit<Sample, 'kind' | 'start' | 'end'>>): Promise<Sample> {
    const start = now();
    const s = { kind, start, ...(await run()), end: now() };
    samples.push(s);
    return s;
  }

  async function writer(u: number, until: number): Promise<void> {
    const { cookie } = users[u]!;
    for (let seq = 0; now() < until; seq += 1) {
      const began = now();
      const name = `so-${u}-${seq}`;
      const season = seasons[seq % seasons.length]!;
      await record('write', async () => {
        const r = await gql(gw, cookie, createWorksheet(season, name));
        const id = (r.data?.['createWorksheet'] as { worksheet_id?: number } | undefined)?.worksheet_id;
        const ok = r.reply.status === 200 && r.errors === undefined && typeof id === 'number';
        return {
          ok,
          status: r.reply.status,
          failure: r.reply.failure,
          detail: ok ? '' : (r.errors?.[0]?.message ?? r.reply.body.slice(0, 80)),
          name,
          ...(ok ? { id } : {}),
        };
      });
      const rest = WRITE_EVERY_MS - (now() - began);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }
  }

  async function reader(u: number, until: number): Promise<void> {
    const { cookie, userId } = users[u]!;
    for (let seq = 0; now() < until; seq += 1) {
      if (seq % 2 === 0) {
        await record('graphql-read', async () => {
          const r = await gql(gw, cookie, MY_WORKSHEETS);
          const ok = r.reply.status === 200 && r.errors === undefined && Array.isArray(r.data?.['worksheets']);
          return {
            ok,
            status: r.reply.status,
            failure: r.reply.failure,
            detail: ok ? '' : (r.errors?.[0]?.message ?? r.reply.body.slice(0, 80)),
          };
        });
      } else {
        await record('api-check', async () => {
          const r = await send(`${gw}/api/auth/check`, {
            method: 'GET',
            headers: { cookie },
            timeoutMs: REQUEST_TIMEOUT_MS,
          });
          let ok: boolean;
          try {
            const body = JSON.parse(r.body) as { auth?: boolean; user?: { id?: number } };
            ok = r.status === 200 && body.auth === true && body.user?.id === userId;
          } catch {
            ok = false;
          }
          return { ok, status: r.status, failure: r.failure, detail: ok ? '' : r.body.slice(0, 80) };
        });
      }
    }
  }

  async function killAt(at: number, replica: AppHandle): Promise<void> {
    await new Promise((r) => setTimeout(r, at - now()));
    const sent = now();
    await replica.kill('SIGKILL');
    kills.push({ replica: replica.name, sent, exited: now() });
  }

  it('every request is answered, failures are only requests in flight at a kill, and the gateway keeps serving', async () => {
    t0 = performance.now();
    const until = LOAD_MS;
    await Promise.all([
      ...users.map((_, u) => writer(u, until)),
      ...users.map((_, u) => reader(u, until)),
      killAt(KILL_API_AT_MS, api(1)),
      killAt(KILL_ENGINE_AT_MS, engine(0)),
    ]);
    const drained = now();

    const overlaps = (s: Sample, k: Kill) => s.start <= k.exited && s.end >= k.sent;
    const failed = samples.filter((s) => !s.ok);
    const inFlight = kills.map((k) => samples.filter((s) => overlaps(s, k)).length);
    const unexplained = failed.filter((s) => !kills.some((k) => overlaps(s, k)));
    const timeouts = samples.filter((s) => s.failure === 'timeout');
    const ok = samples.filter((s) => s.ok).sort((a, b) => a.end - b.end);
    let maxGap = 0;
    for (let i = 1; i < ok.length; i += 1) maxGap = Math.max(maxGap, ok[i]!.end - ok[i - 1]!.end);
    const afterKills = samples.filter((s) => s.start > Math.max(...kills.map((k) => k.exited)));
    const byKind = (k: Kind) => samples.filter((s) => s.kind === k);
    Object.assign(figures, {
      load_ms: Math.round(drained),
      requests: samples.length,
      requests_per_s: Math.round(samples.length / (drained / 1000)),
      by_kind: Object.fromEntries(
        (['graphql-read', 'api-check', 'write'] as const).map((k) => [
          k,
          { total: byKind(k).length, failed: byKind(k).filter((s) => !s.ok).length },
        ]),
      ),
      kills: kills.map((k, i) => ({
        ...k,
        sent: Math.round(k.sent),
        exited: Math.round(k.exited),
        in_flight: inFlight[i],
        failed_in_window: failed.filter((s) => overlaps(s, k)).length,
      })),
      failed: failed.length,
      failures: failed.map((s) => ({
        kind: s.kind,
        start: Math.round(s.start),
        end: Math.round(s.end),
        status: s.status,
        failure: s.failure,
        detail: s.detail,
      })),
      unexplained_failures: unexplained.length,
      timeouts: timeouts.length,
      max_latency_ms: Math.round(Math.max(...samples.map((s) => s.end - s.start))),
      max_gap_between_successes_ms: Math.round(maxGap),
      requests_after_both_kills: afterKills.length,
    });

    // The load was real, and there was something in flight at each kill.
    expect(kills.map((k) => k.replica)).toEqual(['api-2', 'graphql-engine-1']);
    expect(samples.length).toBeGreaterThan(300);
    expect(byKind('write').filter((s) => s.ok).length).toBeGreaterThan(100);
    for (const n of inFlight) expect(n).toBeGreaterThanOrEqual(5);
    // Every request got an answer before its deadline.
    expect(timeouts).toEqual([]);
    // Failures: only requests in flight at a kill, never more than were in flight.
    expect(unexplained.map((s) => `${s.kind} ${Math.round(s.start)}-${Math.round(s.end)} ${s.detail}`)).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(inFlight.reduce((a, b) => a + b, 0));
    // The gateway kept serving from the remaining replicas: answers after the kills, and no pause waiting for health
    // checks (the API's run every second, the engine's every two).
    expect(afterKills.length).toBeGreaterThan(100);
    expect(afterKills.every((s) => s.ok)).toBe(true);
    expect(maxGap).toBeLessThan(1500);
  });

  it('every acknowledged write is in the database exactly once, and no attempt was applied twice', async () => {
    const writes = samples.filter((s) => s.kind === 'write');
    const acked = writes.filter((s) => s.ok);
    const rows = (
      await owner.query<{ worksheet_id: number; name: string; user_id: number }>(
        `select worksheet_id, name, user_id from worksheets where name like 'so-%-%' and user_id = any($1)`,
        [users.map((u) => u.userId)],
      )
    ).rows;
    const byName = new Map<string, number[]>();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.worksheet_id]);
    const missing = acked.filter(
      (s) => byName.get(s.name ?? '')?.length !== 1 || byName.get(s.name ?? '')?.[0] !== s.id,
    );
    const twice = [...byName].filter(([, ids]) => ids.length > 1);
    const landedUnacked = writes.filter((s) => !s.ok && byName.has(s.name ?? '')).length;
    Object.assign(figures, {
      writes_acknowledged: acked.length,
      writes_failed: writes.length - acked.length,
      failed_writes_that_landed: landedUnacked,
      worksheet_rows: rows.length,
    });
    expect(missing.map((s) => s.name)).toEqual([]);
    expect(twice).toEqual([]);
    // Nothing appears that was never attempted.
    const attempted = new Set(writes.map((s) => s.name));
    expect(rows.filter((r) => !attempted.has(r.name))).toEqual([]);
    expect(rows.length).toBe(acked.length + landedUnacked);
  });

  it('the killed replicas restart on their ports and carry the traffic alone while their siblings are stopped', async () => {
    const killed = [api(1), engine(0)];
    const oldPids = killed.map((r) => r.pid());
    expect(oldPids).toEqual([undefined, undefined]);
    const restartAt = performance.now();
    await Promise.all(killed.map((r) => r.restart()));
    figures['restart_ms'] = Math.round(performance.now() - restartAt);
    for (const r of killed) expect(r.pid()).toBeTypeOf('number');
    expect((await send(`${api(1).url}/api/ping`, { method: 'GET' })).status).toBe(200);

    // Stop every other replica: once the gateway's health checks see them gone (API probes every 1 s with a 1 s
    // timeout, engine every 3 s with a 2 s timeout: at most ~5 s), the restarted ones must answer everything.
    const siblings = [api(0), api(2), engine(1)];
    await Promise.all(siblings.map((r) => r.kill('SIGSTOP')));
    try {
      await new Promise((r) => setTimeout(r, 6000));
      const { cookie, userId } = users[0]!;
      const answers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) =>
          i % 2
            ? (await check(gw, cookie)).user?.id === userId
            : (await gql(gw, cookie, MY_WORKSHEETS)).errors === undefined,
        ),
      );
      expect(answers).toEqual(answers.map(() => true));
      const w = await gql(gw, cookie, createWorksheet(seasons[3]!, 'after the restart'));
      expect(w.errors).toBeUndefined();
    } finally {
      await Promise.all(siblings.map((r) => r.kill('SIGCONT')));
    }
  });
});
