/**
 * The engine as a library: `createEngine` loads metadata, connects, and answers GraphQL requests in-process for any
 * role, with Hasura's semantics (permissions, errors, actions) and no server. The HTTP server is a layer over the
 * same Runtime.
 */
import type { HasuraMetadata, InconsistentObject } from '../metadata/types.js';
import { loadMetadataDir } from '../metadata/load-metadata-dir.js';
import { validateHasuraEnv } from '../config/hasura-env.js';
import { ADMIN_SESSION, makeSession } from '../session.js';
import type { Session } from '../session.js';
import { createRuntime } from './engine.js';
import type { EngineEnv, ExecuteRequest, Runtime } from './types.js';

export interface EngineOptions {
  /** A Hasura metadata directory (as the Hasura CLI writes it) or export_metadata JSON. */
  readonly metadata: string | HasuraMetadata;
  /** The Postgres database of the default source. */
  readonly databaseUrl: string;
  /** Hasura's `HASURA_GRAPHQL_*` settings, validated as `engine serve` validates them (default: none). */
  readonly env?: EngineEnv;
}

/** Session variables as Hasura receives them: `x-hasura-role` and the other `x-hasura-*` keys (any case). */
export type SessionVariables = Readonly<Record<string, string | undefined>>;

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Engine {
  /**
   * Run one GraphQL request. Without session variables (or without `x-hasura-role`) it runs as admin, as Hasura does
   * with no auth configured. `headers` are the client headers actions forward.
   */
  execute(
    request: ExecuteRequest,
    session?: SessionVariables,
    headers?: Readonly<Record<string, string>>,
  ): Promise<GraphQLResponse>;
  /** The metadata objects the engine could not serve (Hasura's `get_inconsistent_metadata`). */
  inconsistencies(): InconsistentObject[];
  /** The underlying runtime (explain, live queries, metadata changes). */
  readonly runtime: Runtime;
  close(): Promise<void>;
}

export function sessionFrom(vars: SessionVariables | undefined): Session {
  if (!vars) return ADMIN_SESSION;
  const role = Object.entries(vars).find(([k]) => k.toLowerCase() === 'x-hasura-role')?.[1];
  return role === undefined ? ADMIN_SESSION : makeSession(role, vars);
}

export async function createEngine(opts: EngineOptions): Promise<Engine> {
  const env = opts.env ?? {};
  validateHasuraEnv(env);
  const metadata = typeof opts.metadata === 'string' ? await loadMetadataDir(opts.metadata) : opts.metadata;
  const runtime = await createRuntime({ metadata, databaseUrl: opts.databaseUrl, env });
  return {
    runtime,
    async execute(request, session, headers = {}) {
      const res = await runtime.execute(request, sessionFrom(session), { headers: { ...headers } });
      return JSON.parse(res.body) as GraphQLResponse;
    },
    inconsistencies: () => runtime.inconsistencies(),
    close: () => runtime.close(),
  };
}
