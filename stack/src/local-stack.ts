/**
 * `npm start`: the whole of docker-compose.yml as the local stack under `.stack/` (stack/src/local): every service
 * the file has, each with its local program or listed as not run, in the file's start order. On the first start the
 * `coursetable` database gets the sample data once the `migrations` service has run (before the API and the engine
 * start). The example course browser is served under /course-browser/ through the gateway. Runs in the foreground
 * until SIGINT/SIGTERM (or `npm run down`), then stops everything in reverse order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { buildFrontend, FRONTEND_PREFIX, localDynamicDir, serveFrontend } from './frontend.js';
import { localUrls, stackInfo, type StackInfo } from './harness.js';
import { serveControl } from './local/control.js';
import { localEnv } from './local/env.js';
import { REPO, startLocalStack, type LocalStack } from './local/run.js';
import { readState, writeState } from './local/state.js';
import { freePort } from './processes.js';

export const APP_DB = 'coursetable';
const DEFAULT_SEED = { seed: 1, scale: 1 };

/** Loads the sample data into a database that has none yet (first start). */
async function seedIfEmpty(url: string, log: (l: string) => void): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let empty: boolean;
  try {
    empty = (await c.query<{ n: string }>('select count(*) as n from seasons')).rows[0]?.n === '0';
  } finally {
    await c.end();
  }
  if (!empty) return;
  log(`loading the sample data (seed ${DEFAULT_SEED.seed}, scale ${DEFAULT_SEED.scale}) …`);
  const { seedDatabase } = (await import('../../seed/src/generate.js')) as {
    seedDatabase: (u: string, o: { seed: number; scale: number; log?: (l: string) => void }) => Promise<unknown>;
  };
  await seedDatabase(url, { ...DEFAULT_SEED, log });
}

export interface Ready {
  info: StackInfo;
  local: LocalStack;
  startedMs: number;
}

export async function runStack(opts: { dir: string; onReady: (ready: Ready) => void }): Promise<number> {
  const t0 = performance.now();
  const log = (l: string) => console.log(`[stack] ${l}`);
  const publicPort = Number(process.env['PORT'] ?? 0) || (await freePort());
  if (existsSync(join(REPO, '.env'))) log('reading .env (as docker compose does)');
  const env = localEnv({ repo: REPO, dir: opts.dir, dotenv: true, shell: process.env, extra: localUrls(publicPort) });
  let local: LocalStack | undefined;
  let closeFrontend: (() => Promise<void>) | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log('stopping …');
    await local?.stop();
    await closeFrontend?.();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    let extraDynamicDir: string | undefined;
    if (existsSync(join(REPO, 'examples', 'course-browser', 'vite.config.ts'))) {
      log('building the course browser …');
      const out = join(opts.dir, 'course-browser');
      await buildFrontend(REPO, out);
      const frontend = await serveFrontend(out);
      closeFrontend = () => new Promise((ok) => frontend.server.close(() => ok()));
      extraDynamicDir = localDynamicDir(join(opts.dir, 'gateway-local'), frontend.url);
    }
    local = await startLocalStack({
      dir: opts.dir,
      env,
      ephemeral: false,
      publishedPorts: { 'traefik:443': publicPort },
      ...(extraDynamicDir === undefined ? {} : { extraDynamicDir }),
      afterCompleted: {
        // The state file already names the db service's address while the stack starts.
        migrations: () => {
          const state = readState(opts.dir);
          const host = state?.hosts['db'] ?? '';
          const password = encodeURIComponent(env['CT_OWNER_PASSWORD'] ?? '');
          return seedIfEmpty(`postgresql://ct_owner:${password}@${host}:5432/${APP_DB}`, log);
        },
      },
      log,
    });
  } catch (err) {
    console.error(`[stack] failed to start: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
    return 1;
  }
  const running = local;
  await serveControl(running, () => void stop(0));
  const info = stackInfo(running.state(), env, true);
  const gateway = `http://127.0.0.1:${publicPort}`;
  const admin = running.publishedPorts['traefik:8443'];
  info.urls = {
    gateway,
    graphql: `${gateway}/v1/graphql`,
    graphiql: `${gateway}/api/graphiql`,
    'api ping': `${gateway}/api/ping`,
    ...(closeFrontend ? { 'course browser': `${gateway}${FRONTEND_PREFIX}` } : {}),
    ...(admin === undefined ? {} : { 'admin (local)': `http://127.0.0.1:${admin}` }),
    // Prometheus metrics (docs/operations.md): the gateway's on its internal entrypoint, the first API replica's on
    // its metrics port; neither is reachable at the public port.
    'metrics gateway': `${running.serviceUrl('traefik', 8082)}/metrics`,
    'metrics api': `${running.replicas('api')[0]?.urlAt(Number(running.project.service('api').environment['METRICS_PORT'])) ?? ''}/metrics`,
    // the prometheus service's own UI, on its local address (the admin route to it needs the dashboard's login)
    prometheus: `${running.serviceUrl('prometheus', 9090)}/prometheus`,
  };
  writeState(opts.dir, { ...running.state(), ...info, urls: info.urls });
  opts.onReady({ info, local: running, startedMs: performance.now() - t0 });
  log('Ctrl-C (or `npm run down`) stops everything.');
  await new Promise(() => undefined);
  return 0;
}
