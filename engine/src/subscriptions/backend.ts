/**
 * What the subscription layer needs from the engine core (implemented by the Runtime, `Runtime.liveQueries()`):
 * compile an operation without running it, learn a statement's parameter types, and run multiplexed statements.
 * Only the executor behind it talks to Postgres.
 */
import type { CompiledOperation } from '../compiler/compile-operation.js';
import type { CompiledQuery, SQL } from '../compiler/sql.js';
import type { ExecuteRequest } from '../runtime.js';
import type { Session } from '../session.js';

export interface LiveQueryBackend {
  /** Parse, validate for the session's role, plan and compile (cached); throws `EngineError` for request errors. */
  compile(req: ExecuteRequest, session: Session): CompiledOperation;
  /** `regtype` names Postgres infers for the `$n` of a statement. */
  describeParams(frag: SQL): Promise<string[]>;
  /** Run one multiplexed statement. */
  query(q: CompiledQuery): Promise<Record<string, string | null>[]>;
}
