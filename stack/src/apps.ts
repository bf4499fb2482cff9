/**
 * The application services of docker-compose.yml for a test: `traefik` (the gateway), `api`, `worker`,
 * `graphql-engine` and what they depend on (`migrations`, `under-maintenance`), started from the file through the
 * local stack (stack/src/local) against a running data stack (the test run's, or the test's own) and one database
 * of it. Replica counts and settings are the file's own variables (API_REPLICAS, ENGINE_REPLICAS, RATE_LIMIT_LOGIN,
 * REDIS_KEY_PREFIX, …), so a test changes the system only the way an operator's `.env` could.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFrontend, FRONTEND_PREFIX, localDynamicDir, serveFrontend } from './frontend.js';
import { localUrls, type Stack } from './harness.js';
import { freePort } from './processes.js';
import { REPO, startLocalStack, type LocalStack } from './local/run.js';
import type { ReplicaHandle } from './local/replica.js';

/** One replica of an app service (`api-1`, `graphql-engine-2`), for tests that kill and restart replicas. */
export interface AppHandle extends ReplicaHandle {
  /** `http://<replica address>:<container port>`, the replica itself (not through the gateway) */
  readonly url: string;
}

export interface RunningApps {
  urls: Record<string, string>;
  /** process id of every running replica by name (`graphql-engine-1`, `api-1`, …, `worker-1`) */
  pids: Record<string, number>;
  replicas: { api: AppHandle[]; engine: AppHandle[] };
  local: LocalStack;
  stop: () => Promise<void>;
}

export interface StartAppsOptions {
  stack: Stack;
  /** the database of `stack` the services use (as if docker-compose.yml named it instead of coursetable) */
  db: string;
  log: (l: string) => void;
  /** API_REPLICAS / ENGINE_REPLICAS (default 1 each) */
  replicas?: { api?: number; engine?: number };
  /** build and serve the example course browser under /course-browser/ (default false) */
  frontend?: boolean;
  /** docker-compose.yml variables (RATE_LIMIT_LOGIN, REDIS_KEY_PREFIX, LOG_LEVEL, …) */
  env?: Record<string, string>;
  /** compose fragments merged after the file */
  overrides?: unknown[];
  /** the app stack's directory (default: a new temp dir) */
  dir?: string;
  /** more services of docker-compose.yml to run with the apps (e.g. `prometheus`) */
  extraServices?: string[];
}

const SERVICES = ['traefik', 'api', 'worker', 'graphql-engine'];

function handles(local: LocalStack, service: string, port: number): AppHandle[] {
  return local.replicas(service).map((r) => Object.assign(r, { url: r.urlAt(port) }));
}

interface ServedFrontend {
  /** the gateway's extra dynamic directory routing /course-browser/ to the frontend */
  readonly extraDynamicDir: string;
  readonly close: () => Promise<void>;
}

/** Builds the example course browser into `dir` and serves it. */
async function startFrontend(opts: StartAppsOptions, dir: string): Promise<ServedFrontend> {
  const out = join(dir, 'course-browser');
  opts.log('building the course browser …');
  await buildFrontend(REPO, out);
  const frontend = await serveFrontend(out);
  return {
    close: () => new Promise((ok) => frontend.server.close(() => ok())),
    extraDynamicDir: localDynamicDir(join(dir, 'gateway-local'), frontend.url),
  };
}

function startAppStack(
  opts: StartAppsOptions,
  dir: string,
  publicPort: number,
  extraDynamicDir: string | undefined,
): Promise<LocalStack> {
  return startLocalStack({
    dir,
    env: {
      ...opts.stack.env,
      ...localUrls(publicPort),
      API_REPLICAS: String(opts.replicas?.api ?? 1),
      ENGINE_REPLICAS: String(opts.replicas?.engine ?? 1),
      ...opts.env,
    },
    overrides: opts.overrides ?? [],
    only: [...SERVICES, ...(opts.extraServices ?? [])],
    external: { services: Object.keys(opts.stack.hosts), hosts: opts.stack.hosts },
    ephemeral: true,
    database: opts.db,
    publishedPorts: { 'traefik:443': publicPort },
    ...(extraDynamicDir === undefined ? {} : { extraDynamicDir }),
    log: opts.log,
  });
}

function appUrls(local: LocalStack, publicPort: number, frontend: boolean): Record<string, string> {
  const gateway = `http://127.0.0.1:${publicPort}`;
  const admin = local.publishedPorts['traefik:8443'];
  const urls: Record<string, string> = {
    gateway,
    graphql: `${gateway}/v1/graphql`,
    'api ping': `${gateway}/api/ping`,
    engine: local.serviceUrl('graphql-engine', 8080),
    api: local.serviceUrl('api', 4096),
  };
  if (admin !== undefined) urls['admin'] = `http://127.0.0.1:${admin}`;
  if (frontend) urls['course browser'] = `${gateway}${FRONTEND_PREFIX}`;
  return urls;
}

function replicaPids(local: LocalStack): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of SERVICES) {
    for (const r of local.replicas(s)) {
      const pid = r.pid();
      if (pid !== undefined) out[r.name] = pid;
    }
  }
  return out;
}

export async function startApps(opts: StartAppsOptions): Promise<RunningApps> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'ct-apps-'));
  const publicPort = await freePort();
  const frontend = opts.frontend === true ? await startFrontend(opts, dir) : undefined;
  const local = await startAppStack(opts, dir, publicPort, frontend?.extraDynamicDir).catch(async (err: unknown) => {
    await frontend?.close();
    throw err;
  });
  const urls = appUrls(local, publicPort, frontend !== undefined);
  const api = handles(local, 'api', 4096);
  const engine = handles(local, 'graphql-engine', 8080);
  return {
    urls,
    get pids() {
      return replicaPids(local);
    },
    replicas: { api, engine },
    local,
    async stop() {
      await local.stop();
      await frontend?.close();
      // A directory of its own making goes with it (a test copies the logs it keeps before stopping).
      if (opts.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}
