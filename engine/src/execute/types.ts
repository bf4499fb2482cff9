/**
 * The engine core as one object (docs/design.md "Engine internals"): metadata → model → per-role schemas →
 * plan → SQL → execute. The HTTP/auth layer calls only this interface.
 */
import type { GraphQLSchema } from 'graphql';
import type { HasuraMetadata, InconsistentObject } from '../metadata/types.js';
import type { Session } from '../session.js';
import type { CompiledOperation } from '../compiler/compile-operation.js';
import type { CompiledQuery, SQL } from '../compiler/sql.js';
import type { RunSqlResult } from '../executor/execute-run-sql.js';
import type { PoolFigures } from '../executor/pools.js';
import type { RuntimeConfig } from '../config/runtime-config.js';

/** HASURA_GRAPHQL_* settings (same names as Hasura). */
export type EngineEnv = Record<string, string | undefined>;

export interface ExecuteRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

export interface ExecuteResult {
  /** The full response body as JSON text (`{"data":…}` or `{"errors":[…]}`). */
  body: string;
  headers?: Record<string, string>;
  /**
   * The errors in `body` arose while executing (database, action handler), not while parsing/validating. Hasura sends
   * those over a websocket as a data message `{"data":null,"errors":[…]}` rather than an `error` message.
   */
  execError?: boolean;
  /** The operation's type, once the document named one (metrics). */
  operationType?: 'query' | 'mutation' | 'subscription';
  /** Seconds the operation's statements took in Postgres, summed; absent when it sent none (metrics). */
  sqlSeconds?: number;
}

/**
 * One of the engine's Postgres pools, with the labels Hasura Enterprise gives `hasura_postgres_connections`: the
 * source's name, its connection (the environment variable it comes from, or its URL without the password) and
 * `primary`; the metadata database's own pool (HASURA_GRAPHQL_METADATA_DATABASE_URL) has no source and `metadata`.
 */
export interface PoolStats extends PoolFigures {
  readonly sourceName: string;
  readonly connInfo: string;
  readonly role: 'primary' | 'metadata';
}

export interface ExplainResult {
  field: string;
  sql: string;
  plan: string[];
}

export interface Runtime {
  execute(req: ExecuteRequest, session: Session, ctx: { headers: Record<string, string> }): Promise<ExecuteResult>;
  schemaFor(role: string): GraphQLSchema | undefined;
  inconsistencies(): InconsistentObject[];
  metadata(): HasuraMetadata;
  replaceMetadata(md: HasuraMetadata): Promise<void>;
  reload(): Promise<void>;
  explain(req: ExecuteRequest, session: Session): Promise<ExplainResult[]>;
  /** `run_sql` on the engine's pool; re-introspects when the SQL changed the catalog (executor/execute-run-sql.ts). */
  runSql(sql: string, opts: { readOnly: boolean }): Promise<RunSqlResult>;
  /** Compile-only and multiplexed execution for live queries (engine/src/subscriptions). */
  liveQueries(): LiveQueryBackend;
  /** The pools' occupancy now (metrics). */
  poolStats(): PoolStats[];
  close(): Promise<void>;
}

export interface RuntimeOptions {
  metadata: HasuraMetadata;
  databaseUrl: string;
  /** Settings, read with `readRuntimeConfig` (only the runtime's are looked at). */
  env?: EngineEnv;
  /** Settings already read (`readEngineConfig` or `readRuntimeConfig`); wins over `env`. */
  config?: RuntimeConfig;
}

/**
 * What the subscription layer needs from the engine (`Runtime.liveQueries()`): compile an operation without running
 * it, learn a statement's parameter types, and run multiplexed statements. Only the executor behind it talks to
 * Postgres.
 */
export interface LiveQueryBackend {
  /** Parse, validate for the session's role, plan and compile (cached); throws `EngineError` for request errors. */
  compile(req: ExecuteRequest, session: Session): CompiledOperation;
  /** `regtype` names Postgres infers for the `$n` of a statement. */
  describeParams(frag: SQL): Promise<string[]>;
  /** Run one multiplexed statement. */
  query(q: CompiledQuery): Promise<Record<string, string | null>[]>;
}
