/**
 * `POST /v2/query` and the legacy `POST /v1/query` (docs: api-reference/schema-api/run-sql.mdx,
 * api-reference/query-api; src: Hasura/Server/API/V2Query.hs, Hasura/Server/API/Query.hs; reference A7). Admin only
 * (`restricted access : admin only`, 400), errors in the `encodeQErr` envelope with their real status.
 * - `run_sql`/`pg_run_sql` `{source, sql, cascade, read_only, check_metadata_consistency}` → `Runtime.runSql` (the
 *   engine's pool and privileges). When the SQL changed the catalog the runtime re-introspects, and tables the SQL
 *   dropped leave the metadata (Hasura purges dropped tracked tables).
 * - `bulk` runs its steps in order (a failing step's path is `$.args[i]…`).
 * - `/v2/query` legacy `select`/`count`: through the GraphQL query root as admin.
 * - `/v1/query` legacy `insert`: through the `insert_<t>` mutation as admin; every other operation is the
 *   `/v1/metadata` one of the same name (track_table, create_select_permission, add_computed_field, …).
 */
import { getNamedType, getNullableType, isInputObjectType, isLeafType, isObjectType } from 'graphql';
import type { HasuraMetadata } from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import { ADMIN_SESSION } from '../session.js';
import { adminPost, restrictedAdminOnly } from './admin-api.js';
import type { RequestCtx, ServerState } from './context.js';
import { decodeCall, runCall, withMetadataLock } from './metadata-api.js';
import type { MetadataCall } from './metadata-api.js';
import { EngineError, asEngineError, type ErrorCode } from '../errors.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

async function runSql(state: ServerState, args: unknown): Promise<unknown> {
  if (!isObj(args) || typeof args['sql'] !== 'string')
    throw EngineError.badRequest('parse-failed', 'key "sql" not found', '$.args');
  if (typeof args['source'] === 'string' && args['source'] !== 'default')
    throw EngineError.badRequest('not-exists', `source with name "${args['source']}" does not exist`, '$.args');
  const readOnly = args['read_only'] === true;
  let result;
  try {
    result = await state.runtime.runSql(args['sql'], { readOnly });
  } catch (e) {
    throw asEngineError(e);
  }
  if (!readOnly) await purgeDroppedTables(state);
  return result;
}

/** Untrack tracked tables that no longer exist (a `drop table` in run_sql). */
async function purgeDroppedTables(state: ServerState): Promise<void> {
  const gone = state.runtime
    .inconsistencies()
    .filter((o) => o.type === 'table' && o.reason.includes('no such table/view exists'))
    .map((o) => qualify(o.definition as { name: string; schema?: string }));
  if (gone.length === 0) return;
  const md = structuredClone(state.runtime.metadata());
  const isGone = (t: { name: string; schema?: string }) =>
    gone.some((g) => g.name === t.name && g.schema === (t.schema ?? 'public'));
  for (const src of md.sources) src.tables = src.tables.filter((t) => !isGone(t.table));
  await state.runtime.replaceMetadata(md);
  state.resourceVersion += 1;
}

function rootName(md: HasuraMetadata, table: unknown): string {
  const q = qualify(isObj(table) ? (table as { name: string; schema?: string }) : String(table));
  const t = md.sources
    .flatMap((s) => s.tables)
    .find((x) => x.table.name === q.name && (x.table.schema ?? 'public') === q.schema);
  if (!t) throw EngineError.badRequest('not-exists', `table "${q.name}" does not exist`, '$.args.table');
  return t.configuration?.custom_name ?? (q.schema === 'public' ? q.name : `${q.schema}_${q.name}`);
}

async function graphqlAsAdmin(state: ServerState, query: string, variables: Obj): Promise<Obj> {
  const r = await state.runtime.execute({ query, variables }, ADMIN_SESSION, { headers: {} });
  const body = JSON.parse(r.body) as {
    data?: Obj;
    errors?: { message: string; extensions?: { code?: string; path?: string } }[];
  };
  const e = body.errors?.[0];
  // The code as the runtime rendered it.
  if (e) throw EngineError.badRequest((e.extensions?.code ?? 'unexpected') as ErrorCode, e.message, '$.args');
  return body.data ?? {};
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

function columnSelection(state: ServerState, root: string, columns: unknown): string {
  if (Array.isArray(columns) && columns.every((c) => typeof c === 'string' && NAME.test(c)))
    return (columns as string[]).join(' ');
  // '*': every scalar, non-list field of the table's admin object type (its columns and scalar computed fields)
  const f = state.runtime.schemaFor('admin')?.getQueryType()?.getFields()[root];
  const obj = f ? getNamedType(f.type) : undefined;
  if (columns === '*' && isObjectType(obj)) {
    return Object.values(obj.getFields())
      .filter((x) => isLeafType(getNullableType(x.type)) && x.args.length === 0)
      .map((x) => x.name)
      .join(' ');
  }
  throw EngineError.badRequest('parse-failed', 'expected a list of column names', '$.args.columns');
}

async function legacySelect(state: ServerState, args: unknown, count: boolean): Promise<unknown> {
  if (!isObj(args)) throw EngineError.badRequest('parse-failed', 'expected an object', '$.args');
  const root = rootName(state.runtime.metadata(), args['table']);
  const vars: Obj = {};
  const defs: string[] = [];
  const params: string[] = [];
  if (isObj(args['where'])) {
    vars['w'] = args['where'];
    defs.push(`$w: ${root}_bool_exp`);
    params.push('where: $w');
  }
  for (const k of ['limit', 'offset'] as const) {
    if (typeof args[k] === 'number') {
      vars[k] = args[k];
      defs.push(`$${k}: Int`);
      params.push(`${k}: $${k}`);
    }
  }
  const d = defs.length > 0 ? `(${defs.join(', ')})` : '';
  const p = params.length > 0 ? `(${params.join(', ')})` : '';
  if (count) {
    const data = await graphqlAsAdmin(state, `query${d} { r: ${root}_aggregate${p} { aggregate { count } } }`, vars);
    return { count: (data['r'] as { aggregate: { count: number } }).aggregate.count };
  }
  const data = await graphqlAsAdmin(
    state,
    `query${d} { r: ${root}${p} { ${columnSelection(state, root, args['columns'])} } }`,
    vars,
  );
  return data['r'];
}

/**
 * A JSON number for a `numeric` column as the legacy API binds it: Hasura sends these in Postgres' binary format
 * (postgresql-binary), whose display scale counts whole base-10000 digits, so 12345.67 is stored as 12345.6700.
 */
export function binaryNumericText(n: number): string {
  const text = String(n);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [int = '0', frac] = text.split('.');
  if (frac === undefined) return int;
  return `${int}.${frac.padEnd(Math.ceil(frac.length / 4) * 4, '0')}`;
}

function legacyInsertObjects(state: ServerState, root: string, objects: unknown[]): unknown[] {
  const input = state.runtime.schemaFor('admin')?.getType(`${root}_insert_input`);
  if (!isInputObjectType(input)) return objects;
  const fields = input.getFields();
  return objects.map((o) =>
    isObj(o)
      ? Object.fromEntries(
          Object.entries(o).map(([k, v]) => {
            const f = fields[k];
            const numeric = f !== undefined && getNamedType(f.type).name === 'numeric';
            return [k, numeric && typeof v === 'number' ? binaryNumericText(v) : v];
          }),
        )
      : o,
  );
}

async function legacyInsert(state: ServerState, args: unknown): Promise<unknown> {
  if (!isObj(args) || !Array.isArray(args['objects']))
    throw EngineError.badRequest('parse-failed', 'key "objects" not found', '$.args');
  const root = rootName(state.runtime.metadata(), args['table']);
  const data = await graphqlAsAdmin(
    state,
    `mutation($o: [${root}_insert_input!]!) { r: insert_${root}(objects: $o) { affected_rows } }`,
    { o: legacyInsertObjects(state, root, args['objects']) },
  );
  return data['r'];
}

type Api = 'v1' | 'v2';

async function runQuery(state: ServerState, api: Api, call: MetadataCall): Promise<unknown> {
  const type = call.type;
  if (type === 'bulk') {
    if (!Array.isArray(call.args)) throw EngineError.badRequest('parse-failed', 'expected an array', '$.args');
    const out: unknown[] = [];
    for (const [i, step] of call.args.entries()) {
      try {
        out.push(await runQuery(state, api, decodeCall(step, `$.args[${i}]`)));
      } catch (e) {
        throw asEngineError(e).under(`$.args[${i}]`);
      }
    }
    return out;
  }
  if (type === 'run_sql' || type === 'pg_run_sql') return runSql(state, call.args);
  if (type === 'select' || type === 'count') return legacySelect(state, call.args, type === 'count');
  if (api === 'v1' && type === 'insert') return legacyInsert(state, call.args);
  if (api === 'v2') throw EngineError.badRequest('parse-failed', `unknown query type "${type}"`, '$.type');
  return runCall(state, call);
}

export function handleQuery(api: Api): (state: ServerState, ctx: RequestCtx) => Promise<void> {
  return (state, ctx) =>
    adminPost(state, ctx, async (body, auth) => {
      const call = decodeCall(body, '$');
      restrictedAdminOnly(auth);
      return JSON.stringify(await withMetadataLock(state, () => runQuery(state, api, call)));
    });
}
