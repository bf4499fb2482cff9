/**
 * Permission fuzzing (issue 7 item 2): for each role, random valid queries generated from the role's GraphQL schema,
 * run through `runtime.execute` with random session users, each checked against an oracle written from
 * hasura/metadata (proof/src/rules.ts): rows of filtered tables are looked up in data read with our own SQL and must
 * pass the role's filter; the answer must equal the admin answer with the filters ANDed in; fields the role lacks
 * must be refused with `validation-failed`. Reproduce a run with FUZZ_SEED=<seed> (printed); FUZZ_QUERIES=<n> per role.
 */
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, loadMetadataDir, makeSession, type Runtime } from '../../engine/src/index.js';
import { cloneTemplate, type TestDb } from '../../stack/src/testing.js';
import { Oracle, type Finding, type J } from '../src/oracle.js';
import { pool } from '../src/pool.js';
import { Prng, seedFromEnv } from '../src/prng.js';
import { QueryGen, Renderer, RoleSchema, type Root } from '../src/querygen.js';
import { loadCatalog, loadRules, RowStore, tablesNeeded, type Row, type TableRules } from '../src/rules.js';

const METADATA = fileURLToPath(new URL('../../hasura/metadata', import.meta.url));
const ROLES = ['anonymous', 'student', 'student_evals'] as const;
const PER_ROLE = Number(process.env['FUZZ_QUERIES'] ?? 2000);
const SEED = seedFromEnv();
const ADMIN = makeSession('admin', {});

let db: TestDb;
let rt: Runtime;
let su: pg.Client;
let rules: Map<string, TableRules>;
let store: RowStore;
let pks: Map<string, string[]>;
let allColumns: Map<string, string[]>;
const samples = new Map<string, Row[]>();
const counts = new Map<string, number>();
let userIds: number[] = [];

interface Resp {
  data?: { [k: string]: J };
  errors?: Array<{ message: string; extensions?: { code?: string; path?: string } }>;
}

async function exec(query: string, session: ReturnType<typeof makeSession>): Promise<Resp> {
  const res = await rt.execute({ query }, session, { headers: {} });
  return JSON.parse(res.body) as Resp;
}

beforeAll(async () => {
  console.log(`permission fuzz: FUZZ_SEED=${SEED} FUZZ_QUERIES=${PER_ROLE}`);
  db = await cloneTemplate();
  su = new pg.Client({ connectionString: db.directUrl('postgres') });
  await su.connect();
  const cat = await loadCatalog(su);
  pks = cat.pks;
  allColumns = cat.columns;
  rules = await loadRules(METADATA, cat.fks, cat.columns);
  store = new RowStore(pks);
  for (const role of ROLES) for (const t of tablesNeeded(rules, role)) await store.load(su, t);
  await store.load(su, 'users');
  userIds = store.all('users').map((u) => Number(u['user_id']));
  for (const t of rules.keys()) {
    const pk = pks.get(t) ?? [];
    const order = pk.length > 0 ? `order by ${pk.map((k) => `"${k}"`).join(', ')}` : '';
    samples.set(t, (await su.query<Row>(`select * from public."${t}" ${order} limit 300`)).rows);
    counts.set(t, Number((await su.query<{ n: string }>(`select count(*) as n from public."${t}"`)).rows[0]?.n ?? 0));
  }
  rt = await createRuntime({
    metadata: await loadMetadataDir(METADATA),
    databaseUrl: db.directUrl('ct_engine'),
    env: { HASURA_GRAPHQL_PG_CONNECTIONS: '16' },
  });
});

afterAll(async () => {
  await rt?.close();
  await su?.end();
  await db?.drop();
});

/** findings grouped by kind and message: count, plus the shortest reproducer of each group */
function groups(findings: Array<Finding & { repro?: string }>): Array<{ sig: string; count: number; repro: string }> {
  const m = new Map<string, { sig: string; count: number; repro: string }>();
  for (const f of findings) {
    const sig = `${f.kind}: ${f.detail.replace(/\(oracle query:.*$/s, '').slice(0, 160)}`;
    const g = m.get(sig) ?? { sig, count: 0, repro: f.repro ?? '' };
    g.count++;
    if ((f.repro ?? '').length < g.repro.length) g.repro = f.repro ?? '';
    m.set(sig, g);
  }
  return [...m.values()].sort((a, b) => b.count - a.count);
}

describe('permission fuzzing against an oracle written from the metadata', () => {
  it('the seeded data gives the fuzzer something to find', () => {
    expect(userIds.length).toBeGreaterThanOrEqual(10);
    for (const t of ['worksheets', 'worksheet_courses', 'profile_fields', 'friendships'])
      expect(store.all(t).length).toBeGreaterThan(0);
  });

  it("the oracle is not vacuous: with a stricter rule than the metadata it reports the engine's answers as leaks", async () => {
    const strict = new Map(rules);
    const ws = rules.get('worksheets')!;
    const perms = new Map(ws.perms);
    perms.set('student', { ...ws.perms.get('student')!, filter: { user_id: { _eq: 'X-Hasura-User-Id' } } });
    strict.set('worksheets', { ...ws, perms });
    const rs = new RoleSchema(rt.schemaFor('student')!);
    const roots: Root[] = [
      {
        kind: 'select',
        alias: 'q0',
        field: 'worksheets',
        table: 'worksheets',
        args: {},
        sel: [{ kind: 'col', name: 'name' }],
      },
    ];
    let real = 0;
    let strictLeaks = 0;
    for (const uid of userIds) {
      const session = makeSession('student', { 'x-hasura-user-id': String(uid) });
      const q = new Renderer(rules, new RoleSchema(rt.schemaFor('admin')!), 'student', rs, pks).render(
        roots,
        false,
        session.vars,
      );
      const got = await exec(q, session);
      real += new Oracle(rules, store, 'student', pks).checkLeaks(roots, got.data!, session.vars).length;
      strictLeaks += new Oracle(strict, store, 'student', pks)
        .checkLeaks(roots, got.data!, session.vars)
        .filter((f) => f.kind === 'leak').length;
    }
    expect(real).toBe(0);
    expect(strictLeaks).toBeGreaterThan(0);
  });

  for (const [ri, role] of ROLES.entries()) {
    it(
      `${role}: ${PER_ROLE} random valid queries, zero leaks, zero 500s, equal to the filtered admin answer`,
      { timeout: 240_000 },
      async () => {
        const schema = rt.schemaFor(role);
        const adminSchema = rt.schemaFor('admin');
        if (!schema || !adminSchema) throw new Error('no schema');
        const rs = new RoleSchema(schema);
        const renderer = new Renderer(rules, new RoleSchema(adminSchema), role, rs, pks);
        const oracle = new Oracle(rules, store, role, pks);
        const base = new Prng(SEED ^ Math.imul(ri + 1, 0x9e3779b1));
        const findings: Array<Finding & { repro?: string }> = [];
        const stats = { rows: 0, filteredRows: 0, byRoot: new Map<string, number>(), nonEmpty: 0 };
        await pool(PER_ROLE, 12, async (i) => {
          const rng = base.fork(i + 1);
          const vars: Record<string, string> =
            role === 'anonymous' ? {} : { 'x-hasura-user-id': String(rng.chance(0.9) ? rng.pick(userIds) : 987654) };
          const session = makeSession(role, vars);
          const gen = new QueryGen({ role: rs, samples, counts, pks }, rng);
          const roots: Root[] = Array.from({ length: rng.int(1, 3) }, (_, k) => gen.root(k));
          for (const r of roots) stats.byRoot.set(r.kind, (stats.byRoot.get(r.kind) ?? 0) + 1);
          const q = renderer.render(roots, false, session.vars);
          const repro = `FUZZ_SEED=${SEED} role=${role} #${i} vars=${JSON.stringify(vars)} query=${q}`;
          const invalid = validate(schema, parse(q));
          if (invalid.length > 0)
            return void findings.push({
              kind: 'error',
              detail: `generator produced an invalid query: ${invalid[0]?.message}`,
              repro,
            });
          findings.push(...oracle.checkAst(roots).map((f) => ({ ...f, repro })));
          let got: Resp;
          try {
            got = await exec(q, session);
          } catch (e) {
            return void findings.push({ kind: 'error', detail: `execute threw: ${(e as Error).message}`, repro });
          }
          if (got.errors || !got.data)
            return void findings.push({
              kind: 'error',
              detail: `role query on ${[...new Set(roots.map((r) => r.table))].sort().join(',')} failed: ${JSON.stringify(got.errors)}`,
              repro,
            });
          const leaks = oracle.checkLeaks(roots, got.data, session.vars);
          findings.push(...leaks.map((f) => ({ ...f, repro })));
          const aq = renderer.render(roots, true, session.vars);
          const want = await exec(aq, ADMIN);
          if (want.errors || !want.data)
            return void findings.push({
              kind: 'error',
              detail: `oracle admin query failed: ${JSON.stringify(want.errors)} ${aq}`,
              repro,
            });
          const a = JSON.stringify(oracle.canon(roots, got.data, false, session.vars));
          const b = JSON.stringify(oracle.canon(roots, want.data, true, session.vars));
          if (a !== b)
            findings.push({
              kind: 'mismatch',
              detail: `role answer ${a.slice(0, 400)} != oracle ${b.slice(0, 400)} (oracle query: ${aq})`,
              repro,
            });
          const n = (a.match(/"pk__/g) ?? []).length;
          stats.rows += n;
          if (a.includes('[{') || a.includes('":{"')) stats.nonEmpty++;
        });
        console.log(
          `[${role}] ${PER_ROLE} queries (${[...stats.byRoot].map(([k, v]) => `${k}=${v}`).join(' ')}), ${stats.nonEmpty} with rows, ` +
            `${stats.rows} identified rows checked, findings: ${findings.length}`,
        );
        const g = groups(findings);
        for (const x of g.slice(0, 10))
          console.log(`[${role}] ${x.count}× ${x.sig}\n  repro: ${x.repro.slice(0, 1500)}`);
        expect(stats.nonEmpty).toBeGreaterThan(PER_ROLE / 4);
        expect(g.map((x) => `${x.count}× ${x.sig}`)).toEqual([]);
      },
    );
  }

  for (const role of ROLES) {
    it(`${role}: fields, tables and aggregates the metadata does not grant are refused with validation-failed`, async () => {
      const rs = new RoleSchema(rt.schemaFor(role)!);
      const probes: string[] = [];
      const uid = { 'x-hasura-user-id': String(userIds[0]) };
      for (const [t, tr] of rules) {
        const p = tr.perms.get(role);
        const cols = allColumns.get(t) ?? [];
        if (!p) {
          probes.push(`{ ${t} { ${cols[0]} } }`, `{ ${t}_aggregate { aggregate { count } } }`);
          if ((pks.get(t) ?? []).length > 0)
            probes.push(`{ ${t}_by_pk(${(pks.get(t) ?? []).map((k) => `${k}: 1`).join(', ')}) { ${cols[0]} } }`);
          continue;
        }
        const allowed = p.columns[0] ?? cols[0];
        for (const c of cols.filter((x) => !p.columns.includes(x))) {
          probes.push(
            `{ ${t}(limit: 1) { ${c} } }`,
            `{ ${t}(limit: 1, where: {${c}: {_is_null: false}}) { ${allowed} } }`,
            `{ ${t}(limit: 1, order_by: {${c}: asc}) { ${allowed} } }`,
          );
        }
        if (!p.allowAggregations) probes.push(`{ ${t}_aggregate { aggregate { count } } }`);
        for (const rel of tr.rels.values()) {
          if (!rules.get(rel.target)?.perms.get(role)) {
            const rc = (allColumns.get(rel.target) ?? [])[0];
            probes.push(
              `{ ${t}(limit: 1) { ${allowed} ${rel.name} { ${rc} } } }`,
              `{ ${t}(limit: 1, where: {${rel.name}: {}}) { ${allowed} } }`,
            );
          }
        }
      }
      expect(probes.length).toBeGreaterThan(10);
      const bad: string[] = [];
      await pool(probes.length, 8, async (i) => {
        const q = probes[i]!;
        const r = await exec(q, makeSession(role, role === 'anonymous' ? {} : uid));
        if (r.data !== undefined || r.errors?.[0]?.extensions?.code !== 'validation-failed')
          bad.push(`${q} -> ${JSON.stringify(r).slice(0, 300)}`);
      });
      console.log(`[${role}] ${probes.length} forbidden-field probes, ${bad.length} accepted`);
      expect(bad).toEqual([]);
      expect(rs.roots().length).toBeGreaterThan(0);
    });
  }
});
