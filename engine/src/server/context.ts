/** What every handler gets: the runtime, the authenticator, the settings, and per-request data. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator, AuthResult } from '../auth/authenticate.js';
import type { HeaderList } from '../auth/headers.js';
import type { Runtime } from '../execute/types.js';
import type { CorsPolicy, ServerConfig } from '../config/server-config.js';
import type { EngineMetrics } from './metrics.js';

export interface ServerState {
  runtime: Runtime;
  auth: Authenticator;
  cfg: ServerConfig;
  log: (line: string) => void;
  /** `resource_version` of export_metadata v2; bumped on every metadata change. */
  resourceVersion: number;
  /** Serialises metadata changes (Hasura holds a schema-cache lock). */
  metadataLock: Promise<void>;
  /** Prometheus metrics (GET /v1/metrics) */
  metrics: EngineMetrics;
}

export interface RequestCtx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  headers: HeaderList;
  /** Lowercased single-valued headers for the runtime (`ctx.headers`). */
  flatHeaders: Record<string, string>;
  requestId: string;
}

export type Handler = (state: ServerState, ctx: RequestCtx) => Promise<void>;

export type { AuthResult };

/** What a websocket upgrade gets (server/ws). */
export interface UpgradeContext {
  runtime: Runtime;
  auth: Authenticator;
  /** Settings such as enabled APIs (`graphql` must be enabled for /v1/graphql). */
  graphqlEnabled: boolean;
  /** `HASURA_GRAPHQL_CORS_DOMAIN` / `DISABLE_CORS`: which upgrade origins are accepted (cors.ts `websocketOrigin`). */
  cors: CorsPolicy;
  /** `HASURA_GRAPHQL_WS_READ_COOKIE` */
  wsReadCookie: boolean;
}
