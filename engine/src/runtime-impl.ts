/**
 * The Runtime: owns the pg pool, the model built from metadata + catalog, per-role schemas and the document cache.
 * Request path: parse (cached) → validate per role (cached) → plan → compile → one SQL statement → stitched JSON.
 */
import pg from 'pg';
import { isObjectType, parse } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { HasuraMetadata, InconsistentObject } from './metadata/types.js';
import type { Session } from './session.js';
import type { EngineEnv, ExecuteRequest, ExecuteResult, ExplainResult, Runtime, RuntimeOptions } from './runtime.js';
import { EngineError, executing, isExecutionError, toGraphQLError, validationFailed } from './errors.js';
import { introspectCatalog } from './introspect/introspect-catalog.js';
import { resolveModel } from './model/resolve-model.js';
import type { Model } from './model/model-types.js';
import { buildRoleSchema } from './schema/build-schema.js';
import {
  checkVariableDepth,
  coerceVariables,
  planOperation,
  selectOperation,
  validateDocument,
} from './plan/plan-operation.js';
import { compileOperation, makeCompileContext } from './compiler/compile-operation.js';
import type { CompiledOperation } from './compiler/compile-operation.js';
import { executeCompiled } from './executor/execute-compiled.js';
import { bindOperation } from './compiler/bind.js';
import { mapPgError } from './executor/map-pg-error.js';
import { executeMutationOperation, executeQueryWithActions, isMutation } from './run-write.js';
import { describeParams, executeMultiplexed } from './executor/execute-multiplexed.js';
import type { LiveQueryBackend } from './subscriptions/backend.js';
import { executeRunSql } from './executor/execute-run-sql.js';
import type { RunSqlResult } from './executor/execute-run-sql.js';
import type { WriteDeps } from './run-write.js';
import { ensureActionLog } from './executor/action-log.js';
import { AsyncActionProcessor, fetchInterval } from './async-action-processor.js';
import type { AsyncActionTarget } from './async-action-processor.js';

const CACHE_LIMIT = 1000;

function truthy(v: string | undefined): boolean {
  return v !== undefined && ['true', 't', 'yes', 'y', '1'].includes(v.toLowerCase());
}

class LruCache<V> {
  private readonly map = new Map<string, V>();
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.set(k, v);
    if (this.map.size > CACHE_LIMIT) {
      const first = this.map.keys().next();
      if (!first.done) this.map.delete(first.value);
    }
  }
  clear(): void {
    this.map.clear();
  }
}

/** A compiled operation with late-bound values, and what it needs from a request to be reused. */
interface CachedPlan {
  readonly op: CompiledOperation;
  readonly shapeVars: ReadonlySet<string>;
  readonly usedSession: ReadonlySet<string>;
}

interface PlanEntry {
  shapeVars: string[];
  readonly plans: Map<string, CachedPlan>;
}

class EngineRuntime implements Runtime {
  private md: HasuraMetadata;
  private model: Model = { tables: new Map(), roles: new Set(), inconsistencies: [], functions: [] };
  private readonly schemas = new Map<string, GraphQLSchema>();
  private readonly docs = new LruCache<DocumentNode>();
  private readonly validated = new LruCache<true>();
  /** Compiled operations keyed by everything that can change the SQL or its values (role, document, operation,
   * variables, session variables), so a hit can never serve another request's plan. */
  private readonly compiled = new LruCache<PlanEntry>();
  private asyncTargets: ReadonlyMap<string, AsyncActionTarget> | null = null;
  private processor: AsyncActionProcessor | null = null;
  private readonly stringifyNumeric: boolean;
  private readonly nullCollapse: boolean;

  constructor(
    md: HasuraMetadata,
    private readonly pool: pg.Pool,
    private readonly env: EngineEnv,
  ) {
    this.md = md;
    this.stringifyNumeric = truthy(env['HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES']);
    this.nullCollapse = truthy(env['HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE']);
  }

  async rebuild(): Promise<void> {
    const catalog = await introspectCatalog(this.pool);
    this.model = await this.withAsyncStorage(resolveModel(this.md, catalog));
    this.asyncTargets = null;
    this.schemas.clear();
    this.validated.clear();
    this.compiled.clear();
  }

  /**
   * Asynchronous actions need `hdb_catalog.hdb_action_log` (created here when missing). When the engine's role cannot
   * create or use it, those actions are inconsistent and left out; everything else is served.
   */
  private async withAsyncStorage(model: Model): Promise<Model> {
    const actions = model.actions;
    const asyncs = actions?.actions.filter((a) => a.asynchronous) ?? [];
    if (!actions || asyncs.length === 0) return model;
    const reason = await ensureActionLog(this.pool);
    if (reason === null) return model;
    return {
      ...model,
      actions: { ...actions, actions: actions.actions.filter((a) => !a.asynchronous) },
      inconsistencies: [
        ...model.inconsistencies,
        ...asyncs.map((a) => ({
          type: 'action',
          name: `action ${a.name}`,
          reason: `Inconsistent object: in action "${a.name}": asynchronous actions need the table hdb_catalog.hdb_action_log, which the engine's database role cannot create or use: ${reason}`,
          definition: (this.md.actions ?? []).find((x) => x.name === a.name) ?? { name: a.name },
        })),
      ],
    };
  }

  /** The async actions of the current model with their output types (for the processor). */
  private currentAsyncTargets(): ReadonlyMap<string, AsyncActionTarget> {
    if (this.asyncTargets) return this.asyncTargets;
    const out = new Map<string, AsyncActionTarget>();
    const root = this.schemaFor('admin')?.getQueryType()?.getFields() ?? {};
    for (const a of this.model.actions?.actions ?? []) {
      if (!a.asynchronous) continue;
      const t = root[a.name]?.type;
      const output = t && isObjectType(t) ? t.getFields()['output']?.type : undefined;
      if (output) out.set(a.name, { info: a, outputType: output });
    }
    this.asyncTargets = out;
    return out;
  }

  startAsyncProcessor(): void {
    this.processor = new AsyncActionProcessor(
      this.pool,
      this.env,
      () => this.currentAsyncTargets(),
      fetchInterval(this.env),
    );
    this.processor.start();
  }

  schemaFor(role: string, backendOnly = false): GraphQLSchema | undefined {
    const key = backendOnly ? `${role}\u0000backend_only` : role;
    let s = this.schemas.get(key);
    if (!s) {
      s = buildRoleSchema(this.model, role, { backendOnly });
      this.schemas.set(key, s);
    }
    return s;
  }

  private writeDeps(): WriteDeps {
    return {
      pool: this.pool,
      model: this.model,
      env: this.env,
      stringifyNumeric: this.stringifyNumeric,
      nullCollapse: this.nullCollapse,
      schemaFor: (r, b) => this.schemaFor(r, b),
    };
  }

  private parseDoc(query: string): DocumentNode {
    let doc = this.docs.get(query);
    if (!doc) {
      try {
        doc = parse(query, { maxTokens: 100_000 });
      } catch (e) {
        const msg = e instanceof Error ? e.message.replace(/^Syntax Error: /, '') : 'invalid query';
        throw validationFailed(`not a valid graphql query: ${msg}`, '$.query');
      }
      this.docs.set(query, doc);
    }
    return doc;
  }

  inconsistencies(): InconsistentObject[] {
    return [...this.model.inconsistencies];
  }

  metadata(): HasuraMetadata {
    return this.md;
  }

  async replaceMetadata(md: HasuraMetadata): Promise<void> {
    this.md = md;
    await this.rebuild();
  }

  reload(): Promise<void> {
    return this.rebuild();
  }

  /**
   * Plan cache per (role, document, operation, variable shape): the shape is which variables are null, plus the
   * values of the variables the planner found to decide the plan (`shapeVars`: limits, order_by, directives, whole
   * `where` objects…); variables at data positions and session variables are bound per request (compiler/bind.ts).
   */
  private prepare(req: ExecuteRequest, session: Session): CompiledOperation {
    if (typeof req.query !== 'string') throw validationFailed("the key 'query' was not present", '$');
    const vars = req.variables ?? {};
    // Before the cache key and the planner walk the values (a hostile value could overflow the stack).
    checkVariableDepth(vars);
    const nulls = Object.keys(vars)
      .sort()
      .map((k) => `${k}${vars[k] === null ? '=null' : ''}`);
    const tkey = JSON.stringify([session.role, req.query, req.operationName ?? null, nulls]);
    if (tkey.length > 65536) return this.prepareUncached(req, session).op;
    let entry = this.compiled.get(tkey);
    if (entry) {
      const hit = entry.plans.get(JSON.stringify(entry.shapeVars.map((n) => vars[n] ?? null)));
      if (hit) {
        const doc = this.parseDoc(req.query);
        const schema = this.schemaFor(session.role);
        if (!schema) throw validationFailed('no schema for role', '$');
        const variables = coerceVariables(schema, selectOperation(doc, req.operationName), vars);
        for (const n of hit.usedSession) {
          if (session.vars[n] === undefined)
            throw new EngineError('not-found', `missing session variable: "${n}"`, '$');
        }
        return bindOperation(hit.op, { variables, session: session.vars });
      }
    }
    const out = this.prepareUncached(req, session);
    if (!entry) {
      entry = { shapeVars: [], plans: new Map() };
      this.compiled.set(tkey, entry);
    }
    const added = [...out.shapeVars].filter((n) => !entry.shapeVars.includes(n));
    if (added.length > 0) {
      entry.shapeVars = [...entry.shapeVars, ...added].sort();
      entry.plans.clear();
    }
    if (entry.plans.size < 64) entry.plans.set(JSON.stringify(entry.shapeVars.map((n) => vars[n] ?? null)), out);
    return bindOperation(out.op, { variables: out.variables, session: session.vars });
  }

  private prepareUncached(req: ExecuteRequest, session: Session): CachedPlan & { variables: Record<string, unknown> } {
    let doc = this.docs.get(req.query);
    if (!doc) {
      try {
        doc = parse(req.query, { maxTokens: 100_000 });
      } catch (e) {
        const msg = e instanceof Error ? e.message.replace(/^Syntax Error: /, '') : 'invalid query';
        throw validationFailed(`not a valid graphql query: ${msg}`, '$.query');
      }
      this.docs.set(req.query, doc);
    }
    const schema = this.schemaFor(session.role);
    if (!schema) throw validationFailed('no schema for role', '$');
    const vkey = `${session.role}\u0000${req.query}`;
    if (!this.validated.get(vkey)) {
      validateDocument(schema, doc);
      this.validated.set(vkey, true);
    }
    const op = selectOperation(doc, req.operationName);
    const variables = coerceVariables(schema, op, req.variables ?? {});
    const shapeVars = new Set<string>();
    const usedSession = new Set<string>();
    const roots = planOperation({
      model: this.model,
      schema,
      role: session.role,
      doc,
      op,
      variables,
      session: session.vars,
      nullCollapse: this.nullCollapse,
      shapeVars,
      usedSession,
    });
    const compiled = compileOperation(roots, makeCompileContext(session.vars, this.stringifyNumeric, true));
    return { op: compiled, shapeVars, usedSession, variables };
  }

  async execute(
    req: ExecuteRequest,
    session: Session,
    ctx: { headers: Record<string, string> } = { headers: {} },
  ): Promise<ExecuteResult> {
    try {
      if (typeof req.query === 'string') {
        const doc = this.parseDoc(req.query);
        const op = selectOperation(doc, req.operationName);
        if (isMutation(op)) return await executeMutationOperation(this.writeDeps(), doc, op, req, session, ctx.headers);
        const withActions = await executeQueryWithActions(this.writeDeps(), doc, op, req, session, ctx.headers, (r) =>
          this.execute(r, session, ctx),
        );
        if (withActions) return withActions;
      }
      const compiled = this.prepare(req, session);
      return { body: await executing(() => executeCompiled(this.pool, compiled)) };
    } catch (err) {
      const execError = isExecutionError(err);
      if (!(err instanceof EngineError)) {
        if (process.env['ENGINE_DEBUG']) console.error(err);
        const e = new EngineError(
          'unexpected',
          'unexpected error',
          '$',
          err instanceof Error ? { message: err.message } : undefined,
        );
        return { body: JSON.stringify({ errors: [toGraphQLError(e, session.role === 'admin')] }), execError };
      }
      return { body: JSON.stringify({ errors: [toGraphQLError(err, session.role === 'admin')] }), execError };
    }
  }

  async explain(req: ExecuteRequest, session: Session): Promise<ExplainResult[]> {
    const compiled = this.prepare(req, session);
    const out: ExplainResult[] = [];
    for (const f of compiled.perField) {
      try {
        const res = await this.pool.query<{ 'QUERY PLAN': string }>({
          text: `EXPLAIN ${f.query.text}`,
          values: f.query.values as unknown[],
        });
        out.push({ field: f.alias, sql: f.query.text, plan: res.rows.map((r) => r['QUERY PLAN']) });
      } catch (err) {
        throw mapPgError(err, f.query.text, f.query.values);
      }
    }
    return out;
  }

  async runSql(text: string, opts: { readOnly: boolean }): Promise<RunSqlResult> {
    const { result, schemaChanged } = await executeRunSql(this.pool, text, opts.readOnly);
    if (schemaChanged) await this.rebuild();
    return result;
  }

  liveQueries(): LiveQueryBackend {
    return {
      compile: (req, session) => this.prepare(req, session),
      describeParams: (frag) => describeParams(this.pool, frag),
      query: (q) => executeMultiplexed(this.pool, q),
    };
  }

  async close(): Promise<void> {
    await this.processor?.stop();
    await this.pool.end();
  }
}

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: Number(opts.env['HASURA_GRAPHQL_PG_CONNECTIONS'] ?? 10),
  });
  pool.on('error', () => {
    /* idle client errors are surfaced on the next query */
  });
  const rt = new EngineRuntime(opts.metadata, pool, opts.env);
  try {
    await rt.rebuild();
  } catch (e) {
    await pool.end();
    throw e;
  }
  rt.startAsyncProcessor();
  return rt;
}
