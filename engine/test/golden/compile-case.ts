/**
 * Golden glue: metadata + catalog → model → role schema → plan → SQL, with the engine's pure stages only, compiled
 * the way the server compiles each kind of operation:
 * - queries: planned with the plan-cache bookkeeping, compiled with late binding, then bound to the request's
 *   variables and session (as the read path does);
 * - mutations: one statement per root field, all compiled with one context (as the executor does in its
 *   transaction);
 * - live queries: each cohort compiled as a query; the shared statement multiplexed over all cohorts, its values read
 *   from each cohort's `result_vars`, cast to the types Postgres infers for the statement (as a poller does).
 * Engine defaults: numbers not stringified, no boolean null collapse.
 */
import { OperationTypeNode, parse } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type pg from 'pg';
import { loadMetadataDir } from '../../src/metadata/load-metadata-dir.js';
import { introspectCatalog } from '../../src/executor/read-catalog.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import type { Model } from '../../src/model/model-types.js';
import { buildRoleSchema } from '../../src/schema/build-schema.js';
import { coerceVariables, planOperation, selectOperation, validateDocument } from '../../src/plan/plan-operation.js';
import { planMutation } from '../../src/plan/plan-mutation.js';
import type { MutationRootIR } from '../../src/plan/mutation-ir.js';
import { compileOperation, makeCompileContext } from '../../src/compiler/compile-operation.js';
import type { CompiledOperation } from '../../src/compiler/compile-operation.js';
import { bindOperation } from '../../src/compiler/bind.js';
import type { CompileContext } from '../../src/compiler/compile-bool.js';
import { deleteSql, insertSql, mutationStatement, updateSql } from '../../src/compiler/compile-mutation.js';
import { compile, ident, sql, value } from '../../src/compiler/sql.js';
import type { CompiledQuery, SQL } from '../../src/compiler/sql.js';
import { cohortVars, multiplexedFragment, multiplexedQuery } from '../../src/subscriptions/multiplex.js';
import { makeSession } from '../../src/session.js';
import type { Session } from '../../src/session.js';
import type { GoldenCase, GoldenRequest } from './cases.js';

const STRINGIFY_NUMERIC = false;
const NULL_COLLAPSE = false;

export interface Statement {
  /** Which part of the operation the statement answers. */
  readonly label: string;
  readonly text: string;
  readonly values: readonly unknown[];
}

/** `regtype` names of a statement's `$n`, as Postgres infers them. */
export type DescribeParams = (frag: SQL) => Promise<string[]>;

/** The model the engine builds from `metadataDir` over the database behind `pool`. */
export async function buildModel(metadataDir: string, pool: pg.Pool): Promise<Model> {
  const md = await loadMetadataDir(metadataDir);
  return resolveModel(md, await introspectCatalog(pool));
}

/** The parameter types of `frag` through `PREPARE` (what the executor's `describeParams` asks Postgres). */
export function describeWith(client: pg.ClientBase): DescribeParams {
  return async (frag) => {
    const name = 'golden_describe';
    await client.query(compile(sql`PREPARE ${ident(name)} AS ${frag}`).text);
    try {
      const look = compile(
        sql`SELECT parameter_types::text[] AS "t" FROM pg_prepared_statements WHERE name = ${value(name)}`,
      );
      const res = await client.query<{ t: string[] | null }>({ text: look.text, values: look.values as unknown[] });
      return res.rows[0]?.t ?? [];
    } finally {
      await client.query(compile(sql`DEALLOCATE ${ident(name)}`).text);
    }
  };
}

interface Prepared {
  readonly schema: GraphQLSchema;
  readonly doc: DocumentNode;
  readonly op: OperationDefinitionNode;
}

function prepare(model: Model, c: GoldenCase): Prepared {
  const schema = buildRoleSchema(model, c.role, { backendOnly: false });
  const doc = parse(c.query);
  validateDocument(schema, doc);
  return { schema, doc, op: selectOperation(doc, null) };
}

function planInput(model: Model, p: Prepared, session: Session, req: GoldenRequest) {
  return {
    model,
    schema: p.schema,
    role: session.role,
    doc: p.doc,
    op: p.op,
    variables: coerceVariables(p.schema, p.op, req.variables),
    session: session.vars,
    nullCollapse: NULL_COLLAPSE,
  };
}

/** A query (or one live-query cohort) as the read path compiles and binds it. */
function compileRead(model: Model, p: Prepared, role: string, req: GoldenRequest): CompiledOperation {
  const session = makeSession(role, req.session);
  const input = planInput(model, p, session, req);
  const roots = planOperation({ ...input, shapeVars: new Set(), usedSession: new Set() });
  const op = compileOperation(roots, makeCompileContext(session.vars, STRINGIFY_NUMERIC, true));
  return bindOperation(op, { variables: input.variables, session: session.vars });
}

function queryOf(op: CompiledOperation): CompiledQuery {
  if (!op.query) throw new Error('the operation compiles to no SQL (only __typename or introspection)');
  return op.query;
}

function mutationRoot(ctx: CompileContext, r: MutationRootIR): CompiledQuery[] {
  switch (r.kind) {
    case 'json':
      return [];
    case 'insert':
      if (r.insert.rows.some((x) => x.before.length > 0 || x.after.length > 0))
        throw new Error('nested inserts run several statements row by row: not a golden case');
      return [mutationStatement(ctx, r.insert.table, insertSql(ctx, r.insert), r.output)];
    case 'update':
      return [mutationStatement(ctx, r.update.table, updateSql(ctx, r.update), r.output)];
    case 'update_many':
      return r.updates.map((u) => mutationStatement(ctx, u.table, updateSql(ctx, u), r.output));
    case 'delete':
      return [mutationStatement(ctx, r.del.table, deleteSql(ctx, r.del), r.output)];
    case 'action':
      throw new Error('actions are not compiled to SQL');
  }
}

function compileMutation(model: Model, p: Prepared, role: string, req: GoldenRequest): Statement[] {
  const session = makeSession(role, req.session);
  const roots = planMutation({ ...planInput(model, p, session, req), backendOnly: session.backendOnly }, (f) => {
    throw new Error(`not a table mutation: ${f.name}`);
  });
  const ctx = makeCompileContext(session.vars, STRINGIFY_NUMERIC);
  return roots.flatMap((r) =>
    mutationRoot(ctx, r).map((q) => ({ label: `mutation field ${r.alias}`, text: q.text, values: q.values })),
  );
}

/** A fixed cohort id per position (the server draws random ones). */
export function cohortId(i: number): string {
  return `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
}

async function compileLive(model: Model, p: Prepared, c: GoldenCase, describe: DescribeParams): Promise<Statement> {
  const ops = c.requests.map((r) => compileRead(model, p, c.role, r));
  const first = ops[0];
  if (!first?.fragment) throw new Error('a live query needs one request per cohort, and SQL to poll');
  const text = compile(first.fragment).text;
  // One poller serves the cohorts only when they compile to the same statement.
  if (ops.some((o) => !o.fragment || compile(o.fragment).text !== text))
    throw new Error('the cohorts compile to different statements (they would not share a poller)');
  const inner = multiplexedFragment(first.fragment, await describe(first.fragment));
  const cohorts = ops.map((o, i) => ({ id: cohortId(i), vars: cohortVars(queryOf(o).values) }));
  const q = multiplexedQuery(inner, cohorts);
  return { label: `live query, ${cohorts.length} cohorts`, text: q.text, values: q.values };
}

/** The statements the server runs for the case, in order. */
export async function compileCase(model: Model, c: GoldenCase, describe: DescribeParams): Promise<Statement[]> {
  const p = prepare(model, c);
  const [req, ...more] = c.requests;
  if (!req) throw new Error(`${c.name}: no request`);
  if (p.op.operation === OperationTypeNode.SUBSCRIPTION) return [await compileLive(model, p, c, describe)];
  if (more.length > 0) throw new Error(`${c.name}: several requests are for live queries only`);
  if (p.op.operation === OperationTypeNode.MUTATION) return compileMutation(model, p, c.role, req);
  const q = queryOf(compileRead(model, p, c.role, req));
  return [{ label: 'query', text: q.text, values: q.values }];
}
