/**
 * The engine: owns the connections, the model built from metadata + catalog, the per-role schemas and the caches,
 * and runs a request from its document to its response body. Request path: parse (cached) → API limits (cached) →
 * by operation type: query (query.ts), mutation (mutation.ts), or a compiled operation for explain and live queries
 * (prepare.ts).
 */
import { isObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { HasuraMetadata, InconsistentObject } from '../metadata/types.js';
import type { Session } from '../session.js';
import { EngineError, isExecutionError, showsInternal, toGraphQLError, validationFailed } from '../errors.js';
import type { InternalErrors } from '../errors.js';
import { resolveModel } from '../model/resolve-model.js';
import type { Model } from '../model/model-types.js';
import { buildRoleSchema } from '../schema/build-schema.js';
import { selectOperation } from '../plan/plan-operation.js';
import { readApiLimits } from '../plan/api-limits.js';
import { introspectCatalog } from '../executor/read-catalog.js';
import { describeParams, executeMultiplexed } from '../executor/execute-multiplexed.js';
import { executeRunSql } from '../executor/execute-run-sql.js';
import type { RunSqlResult } from '../executor/execute-run-sql.js';
import { ensureActionLog } from '../executor/action-log.js';
import { explainStatement } from '../executor/explain.js';
import { openPools } from '../executor/pools.js';
import type { EnginePools } from '../executor/pools.js';
import { withSqlClock } from '../executor/sql-clock.js';
import { AsyncActionProcessor } from '../actions/async-processor.js';
import type { AsyncActionTarget } from '../actions/async-processor.js';
import { readRuntimeConfig } from '../config/runtime-config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { EngineLimits } from '../config/engine-limits.js';
import { isMutation } from './action-context.js';
import type { WriteDeps } from './action-context.js';
import { Documents } from './documents.js';
import type { OperationLimits } from './documents.js';
import { executeMutationOperation } from './mutation.js';
import { PlanCache } from './plan-cache.js';
import { prepare } from './prepare.js';
import type { PrepareContext } from './prepare.js';
import { executeQueryOperation } from './query.js';
import type { QueryDeps } from './query.js';
import { poolStats } from './pool-stats.js';
import type {
  ExecuteRequest,
  ExecuteResult,
  ExplainResult,
  LiveQueryBackend,
  PoolStats,
  Runtime,
  RuntimeOptions,
} from './types.js';

const PLAN_CACHE_ENTRIES = 1000;
const EMPTY_MODEL: Model = { tables: new Map(), roles: new Set(), inconsistencies: [], functions: [] };

class EngineRuntime implements Runtime {
  private md: HasuraMetadata;
  private model: Model = EMPTY_MODEL;
  private readonly schemas = new Map<string, GraphQLSchema>();
  private readonly documents: Documents;
  private readonly plans: PlanCache;
  private opLimits: OperationLimits;
  private readonly limits: EngineLimits;
  private asyncTargets: ReadonlyMap<string, AsyncActionTarget> | null = null;
  private processor: AsyncActionProcessor | null = null;
  private readonly stringifyNumeric: boolean;
  private readonly nullCollapse: boolean;
  /** Who sees `extensions.internal` in the error bodies rendered here. */
  private readonly internalErrors: InternalErrors;

  constructor(
    md: HasuraMetadata,
    private readonly pools: EnginePools,
    private readonly config: RuntimeConfig,
  ) {
    this.md = md;
    this.limits = config.limits;
    this.opLimits = { apiLimits: readApiLimits(md['api_limits']), maxFields: this.limits.maxFields };
    this.documents = new Documents(this.limits.cacheMaxBytes);
    this.plans = new PlanCache({ maxEntries: PLAN_CACHE_ENTRIES, maxBytes: this.limits.cacheMaxBytes });
    this.stringifyNumeric = config.runtime.stringifyNumeric;
    this.nullCollapse = config.runtime.nullCollapse;
    this.internalErrors = config.runtime.internalErrors;
  }

  async rebuild(): Promise<void> {
    // Refuse api_limits this engine cannot honour before anything else changes.
    const apiLimits = readApiLimits(this.md['api_limits']);
    const catalog = await introspectCatalog(this.pools.pool);
    this.model = await this.withAsyncStorage(resolveModel(this.md, catalog));
    this.asyncTargets = null;
    this.opLimits = { ...this.opLimits, apiLimits };
    this.schemas.clear();
    this.documents.invalidate();
    this.plans.clear();
  }

  /**
   * Asynchronous actions need `hdb_catalog.hdb_action_log` (created here when missing, in the metadata database when
   * there is one). When the role cannot create or use it, those actions are inconsistent and left out; everything
   * else is served.
   */
  private async withAsyncStorage(model: Model): Promise<Model> {
    const actions = model.actions;
    const asyncs = actions?.actions.filter((a) => a.asynchronous) ?? [];
    if (!actions || asyncs.length === 0) return model;
    const reason = await ensureActionLog(this.pools.catalog.pool);
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
      this.pools.catalog.pool,
      this.config.actions,
      () => this.currentAsyncTargets(),
      this.config.actions.asyncFetchIntervalMs,
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

  private prepareContext(): PrepareContext {
    return {
      model: this.model,
      documents: this.documents,
      plans: this.plans,
      stringifyNumeric: this.stringifyNumeric,
      nullCollapse: this.nullCollapse,
      schemaFor: (r) => this.schemaFor(r),
    };
  }

  private writeDeps(): WriteDeps {
    return {
      pool: this.pools.pool,
      catalog: this.pools.catalog,
      internalErrors: this.internalErrors,
      debug: this.config.debug,
      model: this.model,
      actions: this.config.actions,
      stringifyNumeric: this.stringifyNumeric,
      nullCollapse: this.nullCollapse,
      schemaFor: (r, b) => this.schemaFor(r, b),
    };
  }

  private queryDeps(): QueryDeps {
    return { ...this.writeDeps(), prepare: this.prepareContext() };
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

  /** Run one operation; the time its statements take in Postgres is clocked (executor/sql-clock.ts). */
  async execute(
    req: ExecuteRequest,
    session: Session,
    ctx: { headers: Record<string, string> } = { headers: {} },
  ): Promise<ExecuteResult> {
    const { result, clock } = await withSqlClock(() => this.executeOperation(req, session, ctx.headers));
    return clock.statements > 0 ? { ...result, sqlSeconds: clock.seconds } : result;
  }

  private async executeOperation(
    req: ExecuteRequest,
    session: Session,
    headers: Record<string, string>,
  ): Promise<ExecuteResult> {
    let operationType: ExecuteResult['operationType'];
    try {
      if (typeof req.query !== 'string') throw validationFailed("the key 'query' was not present", '$');
      const doc = this.documents.parse(req.query);
      const op = selectOperation(doc, req.operationName);
      operationType = op.operation;
      this.documents.checkLimits(req.query, doc, op, session.role, this.opLimits);
      const r = isMutation(op)
        ? await executeMutationOperation(this.writeDeps(), doc, op, req, session, headers)
        : await executeQueryOperation(this.queryDeps(), doc, op, req, session, headers);
      return { ...r, operationType };
    } catch (err) {
      const r = this.errorResult(err, session);
      return operationType === undefined ? r : { ...r, operationType };
    }
  }

  private errorResult(err: unknown, session: Session): ExecuteResult {
    const execError = isExecutionError(err);
    const e =
      err instanceof EngineError
        ? err
        : new EngineError(
            'unexpected',
            'unexpected error',
            '$',
            err instanceof Error ? { message: err.message } : undefined,
          );
    if (!(err instanceof EngineError) && this.config.debug) console.error(err);
    return { body: JSON.stringify({ errors: [toGraphQLError(e, this.withInternal(session))] }), execError };
  }

  /** `extensions.internal` is rendered for admin, or for everyone in dev mode (the HTTP layer may still drop it). */
  private withInternal(session: Session): boolean {
    return showsInternal(this.internalErrors, session.role);
  }

  async explain(req: ExecuteRequest, session: Session): Promise<ExplainResult[]> {
    const compiled = prepare(this.prepareContext(), req, session);
    const out: ExplainResult[] = [];
    for (const f of compiled.perField) {
      out.push({ field: f.alias, sql: f.query.text, plan: await explainStatement(this.pools.pool, f.query) });
    }
    return out;
  }

  async runSql(text: string, opts: { readOnly: boolean }): Promise<RunSqlResult> {
    const { result, schemaChanged } = await executeRunSql(this.pools.pool, text, opts.readOnly);
    if (schemaChanged) await this.rebuild();
    return result;
  }

  liveQueries(): LiveQueryBackend {
    return {
      compile: (req, session) => {
        if (typeof req.query === 'string') {
          const doc = this.documents.parse(req.query);
          const op = selectOperation(doc, req.operationName);
          this.documents.checkLimits(req.query, doc, op, session.role, this.opLimits);
        }
        return prepare(this.prepareContext(), req, session);
      },
      describeParams: (frag) => describeParams(this.pools.pool, frag),
      query: (q) => executeMultiplexed(this.pools.pool, q),
    };
  }

  poolStats(): PoolStats[] {
    return poolStats(this.md, this.pools);
  }

  async close(): Promise<void> {
    await this.processor?.stop();
    await this.pools.close();
  }
}

export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const config = opts.config ?? readRuntimeConfig(opts.env ?? {});
  const pools = await openPools({
    databaseUrl: opts.databaseUrl,
    max: config.runtime.poolSize,
    metadataDatabaseUrl: config.runtime.metadataDatabaseUrl,
  });
  let rt: EngineRuntime;
  try {
    rt = new EngineRuntime(opts.metadata, pools, config);
    await rt.rebuild();
  } catch (e) {
    await pools.close();
    throw e;
  }
  rt.startAsyncProcessor();
  return rt;
}
