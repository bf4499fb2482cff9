/**
 * ct_engine's privileges against what hasura/metadata needs (engine-needs.ts derives them): both ways, nothing needed
 * missing and nothing extra granted; then the metadata's every kind of mutation and the API's admin reads through a
 * real engine on those grants.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, parse as parseGraphql, print } from 'graphql';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createRuntime, loadMetadataDir, makeSession, ADMIN_SESSION } from '../../engine/src/index.js';
import type { HasuraMetadata } from '../../engine/src/index.js';
import { emptyDatabase, type TestDb } from '../../stack/src/testing.js';
import { migrateUp } from '../run.js';
import { neededPrivileges, type Catalog } from './engine-needs.js';
import { withClient } from './helpers.js';

const REPO = resolve(import.meta.dirname, '../..');
const SYSTEM_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp)'`;

/** The API's admin documents (codegen.ts: api/src/**\/*.graphql). */
function adminDocumentFiles(): { name: string; text: string }[] {
  const dir = join(REPO, 'api', 'src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}
const adminDocuments = () => adminDocumentFiles().map((f) => parseGraphql(f.text));

/** docker-compose.yml's graphql-engine: its source role, and whether hdb_catalog goes through the same role. */
function engineRoles(): { source: string; catalogThroughSourceRole: boolean } {
  const doc = parseYaml(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };
  const env = doc.services['graphql-engine']?.environment ?? {};
  const user = (url: string | undefined): string | undefined =>
    url === undefined ? undefined : new URL(url.replace(/\$\{[^}]*\}/g, 'x')).username;
  const source = user(env['HASURA_GRAPHQL_DATABASE_URL']) ?? '';
  const meta = user(env['HASURA_GRAPHQL_METADATA_DATABASE_URL']);
  return { source, catalogThroughSourceRole: meta === undefined || meta === source };
}

async function readCatalog(c: pg.Client): Promise<Catalog> {
  const columns = await c.query<{ t: string; cols: string[] }>(
    `select n.nspname || '.' || c.relname as t, array_agg(a.attname::text order by a.attnum) as cols
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where ${SYSTEM_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'f') group by 1`,
  );
  const sequences = await c.query<{ t: string; column: string; sequence: string }>(
    `select tn.nspname || '.' || t.relname as t, a.attname as column, sn.nspname || '.' || s.relname as sequence
     from pg_depend d
     join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_namespace sn on sn.oid = s.relnamespace
     join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
     join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
     where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')`,
  );
  const keys = await c.query<{ t: string; columns: string[]; references: string; referenced: string[] }>(
    `select tn.nspname || '.' || t.relname as t, rn.nspname || '.' || r.relname as references,
       array(select a.attname::text from unnest(k.conkey) with ordinality x(n, i)
             join pg_attribute a on a.attrelid = k.conrelid and a.attnum = x.n order by x.i) as columns,
       array(select a.attname::text from unnest(k.confkey) with ordinality x(n, i)
             join pg_attribute a on a.attrelid = k.confrelid and a.attnum = x.n order by x.i) as referenced
     from pg_constraint k
     join pg_class t on t.oid = k.conrelid join pg_namespace tn on tn.oid = t.relnamespace
     join pg_class r on r.oid = k.confrelid join pg_namespace rn on rn.oid = r.relnamespace
     where k.contype = 'f'`,
  );
  const group = <T extends { t: string }, V>(rows: T[], f: (r: T) => V): Map<string, V[]> => {
    const m = new Map<string, V[]>();
    for (const r of rows) m.set(r.t, [...(m.get(r.t) ?? []), f(r)]);
    return m;
  };
  return {
    columns: new Map(columns.rows.map((r) => [r.t, r.cols])),
    sequences: group(sequences.rows, (r) => ({ column: r.column, sequence: r.sequence })),
    foreignKeys: group(keys.rows, (r) => ({
      columns: r.columns,
      references: r.references,
      referencedColumns: r.referenced,
    })),
  };
}

/**
 * Every privilege `role` holds (directly, through PUBLIC or a role it is in) on the objects of every non-system
 * schema, as Postgres answers has_*_privilege; functions: the grants made to the role itself (EXECUTE is PUBLIC's by
 * default on every function).
 */
async function heldPrivileges(c: pg.Client, role: string): Promise<Set<string>> {
  const q = async (sql: string): Promise<string[]> => (await c.query<{ p: string }>(sql, [role])).rows.map((r) => r.p);
  const held = [
    ...(await q(
      `select p.priv || ' ' || n.nspname || '.' || c.relname || '(' || a.attname || ')' as p
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
       cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p(priv)
       where ${SYSTEM_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'f')
         and has_column_privilege($1, c.oid, a.attnum, p.priv)`,
    )),
    ...(await q(
      `select p.priv || ' ' || n.nspname || '.' || c.relname as p
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['DELETE', 'TRUNCATE', 'TRIGGER']) p(priv)
       where ${SYSTEM_SCHEMAS} and c.relkind in ('r', 'p', 'v', 'm', 'f') and has_table_privilege($1, c.oid, p.priv)`,
    )),
    ...(await q(
      `select p.priv || ' sequence ' || n.nspname || '.' || c.relname as p
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       cross join unnest(array['USAGE', 'SELECT', 'UPDATE']) p(priv)
       where ${SYSTEM_SCHEMAS} and c.relkind = 'S' and has_sequence_privilege($1, c.oid, p.priv)`,
    )),
    ...(await q(
      `select p.priv || ' schema ' || n.nspname as p
       from pg_namespace n cross join unnest(array['USAGE', 'CREATE']) p(priv)
       where ${SYSTEM_SCHEMAS} and has_schema_privilege($1, n.oid, p.priv)`,
    )),
    ...(await q(
      `select distinct x.privilege_type || ' ' || n.nspname || '.' || f.proname as p
       from pg_proc f join pg_namespace n on n.oid = f.pronamespace, aclexplode(f.proacl) x
       where ${SYSTEM_SCHEMAS} and x.grantee = $1::regrole`,
    )),
  ];
  return new Set(held);
}

describe('ct_engine privileges', () => {
  let db: TestDb;
  let metadata: HasuraMetadata;
  let needed: Map<string, string>;
  beforeAll(async () => {
    db = await emptyDatabase();
    await migrateUp(db.directUrl('ct_owner'));
    metadata = await loadMetadataDir(join(REPO, 'hasura', 'metadata'));
    const catalog = await withClient(db.directUrl('ct_owner'), readCatalog);
    needed = neededPrivileges(metadata, catalog, {
      adminDocuments: adminDocuments(),
      catalogThroughSourceRole: engineRoles().catalogThroughSourceRole,
    });
  });
  afterAll(() => db.drop());

  it('ct_engine holds exactly the grants the metadata needs (nothing missing, nothing extra)', async () => {
    expect(engineRoles().source).toBe('ct_engine');
    const held = await withClient(db.directUrl('ct_owner'), (c) => heldPrivileges(c, 'ct_engine'));
    const missing = [...needed].filter(([p]) => !held.has(p)).map(([p, why]) => `${p}  (${why})`);
    const extra = [...held].filter((p) => !needed.has(p)).sort();
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('the derivation reads the mutations, relationships and untracked tables of the metadata', () => {
    const writes = [...needed.keys()].filter((p) => /^(INSERT|UPDATE|DELETE) /.test(p));
    const mutable = metadata.sources[0]?.tables.filter(
      (t) => t.insert_permissions?.length || t.update_permissions?.length || t.delete_permissions?.length,
    );
    expect(mutable?.length).toBeGreaterThan(0);
    for (const t of mutable ?? []) {
      expect(
        writes.some((p) => p.includes(` public.${t.table.name}`)),
        t.table.name,
      ).toBe(true);
    }
    const tracked = new Set(metadata.sources[0]?.tables.map((t) => `public.${t.table.name}`));
    const tablesNeeded = new Set([...needed.keys()].flatMap((p) => /^\w+ (public\.\w+)\(/.exec(p)?.[1] ?? []));
    expect([...tablesNeeded].sort()).toEqual([...tracked].sort());
  });

  it("the grants carry the metadata's every kind of mutation and the API's admin reads through a real engine", async () => {
    await withClient(db.directUrl('ct_owner'), async (c) => {
      await c.query(`insert into seasons (season_code, term, year) values ('209901', 'spring', 2099)`);
      await c.query(`insert into users (user_id, display_name) values (930001, 'me')`);
      await c.query(
        `insert into saved_searches (saved_search_id, user_id, name, query) values (930001, 930001, 'a', '{}')`,
      );
    });
    const rt = await createRuntime({ metadata, databaseUrl: db.directUrl('ct_engine'), env: {} });
    try {
      const run = async (query: string, session = makeSession('student', { 'x-hasura-user-id': '930001' })) => {
        const res = await rt.execute({ query, variables: null }, session, { headers: {} });
        return JSON.parse(res.body) as { data?: unknown; errors?: unknown };
      };
      expect(rt.inconsistencies()).toEqual([]);
      const mutations = [
        `mutation { insert_wishlist_items(objects: [{season_code: "209901", crn: 1}]) { returning { user_id } } }`,
        `mutation { insert_wishlist_items_one(object: {season_code: "209901", crn: 2}) { added_at } }`,
        `mutation { delete_wishlist_items(where: {crn: {_eq: 1}}) { affected_rows returning { crn } } }`,
        `mutation { update_saved_searches(where: {name: {_eq: "a"}}, _set: {name: "b", query: {x: 1}}) { affected_rows } }`,
        `mutation { update_saved_searches_by_pk(pk_columns: {saved_search_id: 930001}, _set: {name: "c"}) { name } }`,
        `mutation { delete_saved_searches(where: {}) { affected_rows returning { name } } }`,
      ];
      for (const m of mutations) expect(await run(m), m).not.toHaveProperty('errors');
      for (const file of adminDocumentFiles()) {
        for (const def of parseGraphql(file.text).definitions) {
          if (def.kind !== Kind.OPERATION_DEFINITION) continue;
          const variables = Object.fromEntries(
            (def.variableDefinitions ?? []).map((v) => [
              v.variable.name.value,
              print(v.type).startsWith('Int') ? 1 : '209901',
            ]),
          );
          const name = def.name?.value ?? null;
          const res = await rt.execute({ query: file.text, variables, operationName: name }, ADMIN_SESSION, {
            headers: {},
          });
          expect(JSON.parse(res.body), `${file.name} ${name ?? ''}`).not.toHaveProperty('errors');
        }
      }
    } finally {
      await rt.close();
    }
  });
});
