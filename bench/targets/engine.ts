/**
 * Target (a): the engine as `npm start` runs it (engine/bin/engine.mjs serve, its own process, pool over the same
 * URL as the other targets) and the local gateway in front of it (gateway/src/cli.ts, its own process, the
 * production traefik/dynamic routes; only the engine is mapped, so /api/* would get the maintenance page).
 *
 * Auth: anonymous requests send no credentials (HASURA_GRAPHQL_UNAUTHORIZED_ROLE=anonymous); student requests send
 * an HS256 JWT (HASURA_GRAPHQL_JWT_SECRET), which the engine verifies per request as Hasura does. This is what a
 * browser could send through the public gateway; the admin secret (also set, as Hasura requires with JWT mode) is
 * never sent, so every request goes through the role's permissions.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../../stack/src/processes.js';
import { answers, REPO, startChild, type Child } from './child.js';

export async function startEngine(opts: {
  databaseUrl: string;
  poolSize: number;
  jwtKey: string;
  logDir: string;
}): Promise<Child> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startChild(
    {
      name: 'engine',
      entry: 'engine/bin/engine.mjs',
      args: ['serve', '--metadata', join(REPO, 'hasura', 'metadata')],
      env: {
        HASURA_GRAPHQL_DATABASE_URL: opts.databaseUrl,
        HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
        HASURA_GRAPHQL_SERVER_PORT: String(port),
        HASURA_GRAPHQL_ADMIN_SECRET: randomBytes(24).toString('hex'),
        HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
        HASURA_GRAPHQL_JWT_SECRET: JSON.stringify({ type: 'HS256', key: opts.jwtKey }),
        HASURA_GRAPHQL_PG_CONNECTIONS: String(opts.poolSize),
        HASURA_GRAPHQL_ENABLE_CONSOLE: 'false',
      },
      url: `${base}/v1/graphql`,
      ready: () => answers(`${base}/healthz`),
    },
    opts.logDir,
  );
}

export async function startGateway(engine: Child, logDir: string): Promise<Child> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  return startChild(
    {
      name: 'gateway',
      entry: 'gateway/src/cli.ts',
      args: ['--port', String(port), '--map', `http://graphql-engine:8080=${new URL(engine.url).origin}`],
      url: `${base}/v1/graphql`,
      ready: () =>
        answers(`${base}/v1/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
    },
    logDir,
  );
}
