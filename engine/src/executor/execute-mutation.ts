/**
 * Run a mutation operation: every root field in order, on one pooled client, in ONE transaction (docs:
 * mutations/postgres/multiple-mutations.mdx; src: Hasura/GraphQL/Execute/Mutation.hs, Hasura/Backends/Postgres/
 * Execute/Mutation.hs `executeMutationOutputQuery`, Execute/Insert.hs for nested inserts). Session variables are set
 * with `set_config('hasura.user', $1, true)` as Hasura does; any failure rolls everything back.
 */
import { withTransaction } from './transaction.js';
import type pg from 'pg';
import { EngineError } from '../errors.js';
import type { CompileContext } from '../compiler/compile-bool.js';
import type { CompiledQuery } from '../compiler/sql.js';
import { compile, sql, value } from '../compiler/sql.js';
import {
  deleteSql,
  insertSql,
  mutationStatement,
  outputFromRowsStatement,
  updateSql,
} from '../compiler/compile-mutation.js';
import type { InsertIR, MutationRootIR } from '../plan/mutation-ir.js';
import { mapPgError } from './map-pg-error.js';
import type { FieldText } from './execute-compiled.js';

type Row = Record<string, unknown>;
interface StmtResult {
  v: string | null;
  ok: boolean;
  rows: string | null;
  n: number;
}

const CHECK_FAILED = 'check constraint of an insert/update permission has failed';

async function run(client: pg.PoolClient, debug: boolean, q: CompiledQuery, path: string): Promise<StmtResult> {
  let res: pg.QueryResult<StmtResult>;
  try {
    res = await client.query<StmtResult>({ text: q.text, values: q.values as unknown[] });
  } catch (err) {
    const e = mapPgError(err, q.text, q.values);
    if (debug) console.error(err, q.text);
    throw new EngineError(e.code, e.message, path, e.internal);
  }
  const row = res.rows[0];
  if (!row) throw new EngineError('unexpected', 'mutation returned no row', path);
  if (row.ok === false) throw new EngineError('permission-error', CHECK_FAILED, path);
  return row;
}

function hasNested(ins: InsertIR): boolean {
  return ins.rows.some((r) => r.before.length > 0 || r.after.length > 0);
}

class MutationRun {
  constructor(
    private readonly client: pg.PoolClient,
    private readonly ctx: CompileContext,
    /** `ENGINE_DEBUG`: database errors on stderr. */
    private readonly debug: boolean,
  ) {}

  /** Insert with nested relationships, row by row; returns the rows written to `ins.table` and the total count. */
  async insertNested(ins: InsertIR, path: string): Promise<{ rows: Row[]; affected: number }> {
    if (ins.rows.length === 0) return { rows: [], affected: 0 };
    if (!hasNested(ins)) {
      const r = await run(
        this.client,
        this.debug,
        mutationStatement(this.ctx, ins.table, insertSql(this.ctx, ins), null),
        path,
      );
      return { rows: r.rows ? (JSON.parse(r.rows) as Row[]) : [], affected: r.n };
    }
    const rows: Row[] = [];
    let affected = 0;
    for (const row of ins.rows) {
      const columns = new Map(row.columns);
      for (const b of row.before) {
        const r = await this.insertNested(b.insert, path);
        affected += r.affected;
        const parent = r.rows[0];
        if (!parent) {
          throw new EngineError(
            'not-supported',
            `cannot proceed to insert object relation "${b.rel.name}" since insert to table "${b.insert.table.name}" affects zero rows`,
            path,
          );
        }
        for (const [l, rc] of b.rel.mapping) {
          const col = ins.table.columnByName.get(l);
          if (col) columns.set(l, { kind: 'value', value: parent[rc], type: col.type, array: col.isArray });
        }
      }
      const one: InsertIR = { ...ins, rows: [{ columns, before: [], after: [] }] };
      const r = await run(
        this.client,
        this.debug,
        mutationStatement(this.ctx, ins.table, insertSql(this.ctx, one), null),
        path,
      );
      affected += r.n;
      const written = r.rows ? (JSON.parse(r.rows) as Row[]) : [];
      const self = written[0];
      if (row.after.length > 0 && !self) {
        throw new EngineError(
          'not-supported',
          `cannot proceed to insert array relations since insert to table "${ins.table.name}" affects zero rows`,
          path,
        );
      }
      for (const a of row.after) {
        if (!self) break;
        const childRows = a.insert.rows.map((cr) => {
          const cols = new Map(cr.columns);
          for (const [l, rc] of a.rel.mapping) {
            const col = a.insert.table.columnByName.get(rc);
            if (col) cols.set(rc, { kind: 'value' as const, value: self[l], type: col.type, array: col.isArray });
          }
          return { ...cr, columns: cols };
        });
        const c = await this.insertNested({ ...a.insert, rows: childRows }, path);
        affected += c.affected;
      }
      rows.push(...written);
    }
    return { rows, affected };
  }

  async root(
    r: MutationRootIR,
    runOther: (r: MutationRootIR, client: pg.PoolClient) => Promise<string>,
  ): Promise<string> {
    switch (r.kind) {
      case 'json':
        return JSON.stringify(r.value) ?? 'null';
      case 'insert': {
        const ins = r.insert;
        if (!hasNested(ins)) {
          const res = await run(
            this.client,
            this.debug,
            mutationStatement(this.ctx, ins.table, insertSql(this.ctx, ins), r.output),
            ins.path,
          );
          return res.v ?? 'null';
        }
        const { rows, affected } = await this.insertNested(ins, ins.path);
        const res = await run(
          this.client,
          this.debug,
          outputFromRowsStatement(this.ctx, ins.table, rows, affected, r.output),
          ins.path,
        );
        return res.v ?? 'null';
      }
      case 'update': {
        const res = await run(
          this.client,
          this.debug,
          mutationStatement(this.ctx, r.update.table, updateSql(this.ctx, r.update), r.output),
          '$',
        );
        return res.v ?? 'null';
      }
      case 'update_many': {
        const out: string[] = [];
        for (const u of r.updates) {
          const res = await run(
            this.client,
            this.debug,
            mutationStatement(this.ctx, u.table, updateSql(this.ctx, u), r.output),
            '$',
          );
          out.push(res.v ?? 'null');
        }
        return `[${out.join(',')}]`;
      }
      case 'delete': {
        const res = await run(
          this.client,
          this.debug,
          mutationStatement(this.ctx, r.del.table, deleteSql(this.ctx, r.del), r.output),
          '$',
        );
        return res.v ?? 'null';
      }
      default:
        return runOther(r, this.client);
    }
  }
}

async function simple(client: pg.PoolClient, q: CompiledQuery): Promise<void> {
  try {
    await client.query({ text: q.text, values: q.values as unknown[] });
  } catch (err) {
    throw mapPgError(err, q.text, q.values);
  }
}

/** Execute all root fields in order in one transaction; throws (after ROLLBACK) on any error. */
export async function executeMutation(
  pool: pg.Pool,
  roots: readonly MutationRootIR[],
  ctx: CompileContext,
  runOther: (r: MutationRootIR, client: pg.PoolClient) => Promise<string>,
  debug = false,
): Promise<FieldText[]> {
  return withTransaction(
    pool,
    async (client) => {
      await simple(client, compile(sql`SELECT set_config('hasura.user', ${value(ctx.sessionJson)}, true)`));
      const m = new MutationRun(client, ctx, debug);
      const fields: FieldText[] = [];
      for (const r of roots) fields.push({ alias: r.alias, json: await m.root(r, runOther) });
      return fields;
    },
    { mapError: (err, q) => mapPgError(err, q.text, q.values) },
  );
}
