/** What every handler gets: the runtime, the authenticator, the settings, and per-request data. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator, AuthResult } from '../auth/authenticate.js';
import type { HeaderList } from '../auth/headers.js';
import type { Runtime } from '../runtime.js';
import type { ServerConfig } from './config.js';

export interface ServerState {
  runtime: Runtime;
  auth: Authenticator;
  cfg: ServerConfig;
  log: (line: string) => void;
  /** `resource_version` of export_metadata v2; bumped on every metadata change. */
  resourceVersion: number;
  /** Serialises metadata changes (Hasura holds a schema-cache lock). */
  metadataLock: Promise<void>;
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
