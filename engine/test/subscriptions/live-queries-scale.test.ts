/**
 * Acceptance (issue 4): 1,000 live-query subscriptions (50 users, same query shape, session headers at
 * connection_init) on one engine process cost one multiplexed statement per refetch interval per batch of cohorts,
 * measured with pg_stat_statements; each client gets its own result after a write; after every socket closes, no
 * statement runs any more.
 */
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import { loadMetadataDir, startEngineServer } from '../../src/index.js';
import { TestWsClient } from './ws-client.js';

const METADATA = fileURLToPath(new URL('../../../hasura/metadata', import.meta.url));
const USERS = 50;
const SUBS = 1000;
const INTERVAL = 500;
const BASE = 920000;
const SECRET = 'subs-test-secret';
const QUERY = 'subscription { wishlist_items(order_by: {crn: asc}) { user_id crn } }';

let db: TestDb;
let admin: pg.Client;
let server: { url: string; close(): Promise<void> };

/** Calls of multiplexed statements in this database since the last reset. */
async function multiplexedCalls(): Promise<number> {
  const r = await admin.query<{ n: string | null }>(
    `select coalesce(sum(calls), 0)::text as n from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = current_database() and s.query like '%"_subs"("result_id", "result_vars")%'`,
  );
  return Number(r.rows[0]?.n ?? 0);
}

async function statementsOfEngine(): Promise<number> {
  const r = await admin.query<{ n: string | null }>(
    `select coalesce(sum(calls), 0)::text as n from pg_stat_statements s join pg_database d on d.oid = s.dbid
     join pg_roles r on r.oid = s.userid where d.datname = current_database() and r.rolname = 'ct_engine'`,
  );
  return Number(r.rows[0]?.n ?? 0);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  db = await cloneTemplate();
  admin = new pg.Client({ connectionString: db.directUrl('postgres') });
  await admin.connect();
  await admin.query('create extension if not exists pg_stat_statements');
  await admin.query(
    `insert into seasons (season_code, term, year) values ('209901', 'spring', 2099) on conflict do nothing`,
  );
  const users = Array.from({ length: USERS }, (_, i) => `(${BASE + i}, 'u${i}')`).join(',');
  await admin.query(`insert into users (user_id, display_name) overriding system value values ${users}`);
  const items = Array.from({ length: USERS }, (_, i) => `(${BASE + i}, '209901', ${1000 + i})`).join(',');
  await admin.query(`insert into wishlist_items (user_id, season_code, crn) values ${items}`);
  server = await startEngineServer({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: {
      HASURA_GRAPHQL_ADMIN_SECRET: SECRET,
      HASURA_GRAPHQL_LIVE_QUERIES_MULTIPLEXED_REFETCH_INTERVAL: String(INTERVAL),
      HASURA_GRAPHQL_PG_CONNECTIONS: '20',
    },
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await admin?.end();
  await db?.drop();
});

describe('1,000 live-query subscriptions', () => {
  it('multiplexes them into one statement per interval, delivers per-user results, and stops polling on close', async () => {
    const wsUrl = `${server.url.replace('http', 'ws')}/v1/graphql`;
    const clients: { c: TestWsClient; user: number }[] = [];
    for (let i = 0; i < SUBS; i++) {
      const user = BASE + (i % USERS);
      const c = await TestWsClient.open(wsUrl, i % 2 === 0 ? 'graphql-transport-ws' : 'graphql-ws');
      c.send({
        type: 'connection_init',
        payload: {
          headers: { 'x-hasura-admin-secret': SECRET, 'x-hasura-role': 'student', 'x-hasura-user-id': String(user) },
        },
      });
      clients.push({ c, user });
    }
    await Promise.all(clients.map(({ c }) => c.waitFor((m) => m.type === 'connection_ack', 30_000)));
    for (const { c } of clients) {
      c.send({
        type: c.ws.protocol === 'graphql-transport-ws' ? 'subscribe' : 'start',
        id: '1',
        payload: { query: QUERY },
      });
    }
    await Promise.all(
      clients.map(({ c }) => c.waitFor((m) => m.id === '1' && (m.type === 'next' || m.type === 'data'), 30_000)),
    );
    for (const { c, user } of clients) {
      expect(c.results('1')[0]).toEqual({ data: { wishlist_items: [{ user_id: user, crn: 1000 + user - BASE }] } });
    }

    // Steady state: count statements over several intervals.
    await sleep(INTERVAL);
    await admin.query('select pg_stat_statements_reset()');
    const t0 = Date.now();
    await sleep(INTERVAL * 6);
    const calls = await multiplexedCalls();
    const engineTotal = await statementsOfEngine();
    const intervals = (Date.now() - t0) / INTERVAL;
    process.stdout.write(
      `live queries: ${SUBS} subscriptions, ${USERS} cohorts: ${calls} multiplexed statements (${engineTotal} engine statements in all) in ${intervals.toFixed(1)} intervals\n`,
    );
    // 50 cohorts ≤ batch size 100: one poller, one batch → one statement per interval.
    expect(calls).toBeGreaterThanOrEqual(Math.floor(intervals) - 1);
    expect(calls).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    expect(engineTotal).toBeLessThanOrEqual(Math.ceil(intervals) + 1);

    // A write for one user reaches exactly that user's 20 clients.
    const target = BASE + 7;
    const before = clients.map(({ c }) => c.results('1').length);
    await admin.query(`insert into wishlist_items (user_id, season_code, crn) values (${target}, '209901', 5)`);
    const targets = clients.filter((x) => x.user === target);
    await Promise.all(
      targets.map(({ c }) => c.waitFor((m) => m.id === '1' && JSON.stringify(m.payload).includes('"crn":5'), 10_000)),
    );
    await sleep(INTERVAL * 2);
    clients.forEach(({ c, user }, i) => {
      const rs = c.results('1');
      if (user === target) {
        expect(rs.length).toBe((before[i] ?? 0) + 1);
        expect(rs[rs.length - 1]).toEqual({
          data: {
            wishlist_items: [
              { user_id: user, crn: 5 },
              { user_id: user, crn: 1007 },
            ],
          },
        });
      } else {
        expect(rs.length).toBe(before[i]);
      }
    });

    // Close every socket: polling stops.
    await Promise.all(clients.map(({ c }) => c.close()));
    await sleep(INTERVAL);
    await admin.query('select pg_stat_statements_reset()');
    await sleep(INTERVAL * 4);
    expect(await multiplexedCalls()).toBe(0);
    expect(await statementsOfEngine()).toBe(0);
  }, 180_000);
});
