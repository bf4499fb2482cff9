/**
 * Who sees `extensions.internal` (errors/render.ts `showsInternal`), from `HASURA_GRAPHQL_DEV_MODE` (every role) and
 * `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS` (admin, default true), as Hasura's `ResponseInternalErrorsConfig`
 * (src: Server/Init.hs, Server/App.hs `shouldIncludeInternal`).
 */
import type { InternalErrors } from '../errors.js';
import type { HasuraSettings } from './hasura-env.js';

/** HTTP responses: both settings. */
export function httpInternalErrors(s: HasuraSettings): InternalErrors {
  if (s.HASURA_GRAPHQL_DEV_MODE) return 'all';
  return s.HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS ? 'admin' : 'none';
}

/**
 * The error bodies the runtime renders, and websocket frames: dev mode shows it to every role, otherwise admin sees
 * it. `HASURA_GRAPHQL_ADMIN_INTERNAL_ERRORS=false` is applied by the HTTP layer, which removes `internal` from those
 * bodies (errors/render.ts `stripInternal`); websocket frames are sent as the runtime rendered them.
 */
export function runtimeInternalErrors(s: HasuraSettings): InternalErrors {
  return s.HASURA_GRAPHQL_DEV_MODE ? 'all' : 'admin';
}
