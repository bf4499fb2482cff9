/**
 * The application processes of the local stack: the GraphQL engine, the API and its worker as child processes
 * (logs under `.stack/logs/`, one file per process: `engine-1.log`, `api-1.log`, `worker.log`), and the gateway that
 * serves all of them on one port with the same `traefik/` routes as production.
 *
 * Scale-out: `replicas` runs several API and engine processes, as `deploy.replicas` does in docker-compose. The
 * gateway balances each docker-compose service URL over its replicas (`http://api:4096` -> every API replica). For
 * service-to-service calls, which production sends to the service name (Docker's VIP), the gateway also opens one
 * service address per replicated service (see `serviceAddresses` in gateway/src/gateway.ts): the engines' auth
 * webhook and action handler URL point at the API's address and the API's GRAPHQL_URL at the engine's, so neither
 * depends on one replica being alive. With one replica of a service (the default, `npm start`) its peers call the
 * process directly, as before.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFrontend, FRONTEND_PREFIX, FRONTEND_SERVICE_URL, localDynamicDir, serveFrontend } from './frontend.js';
import type { Stack } from './harness.js';
import { freePort, terminate } from './processes.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const API_SERVICE_URL = 'http://api:4096';
const ENGINE_SERVICE_URL = 'http://graphql-engine:8080';
const HEALTH_TIMEOUT_MS = 60_000;

/** One replica of an app process (`api-1`, `engine-2`, …), for tests that kill and restart replicas. */
export interface AppHandle {
  /** `api-1`, `engine-2`; also the name of its log file */
  name: string;
  /** `http://127.0.0.1:<port>`, the replica itself (not through the gateway) */
  url: string;
  /** the current process id; undefined while the replica is not running */
  pid(): number | undefined;
  /**
   * Sends `signal` (default SIGTERM) and waits for the process to exit. SIGSTOP, SIGTSTP and SIGCONT do not end the
   * process; for them it resolves once the signal is sent.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the replica again on the same port (killing it first if it still runs) and waits until it is healthy. */
  restart(): Promise<void>;
}

export interface RunningApps {
  urls: Record<string, string>;
  /** process id of every running app process by name (`engine-1`, `api-1`, …, `worker`); read when needed */
  pids: Record<string, number>;
  replicas: { api: AppHandle[]; engine: AppHandle[] };
  stop: () => Promise<void>;
}

export interface StartAppsOptions {
  stack: Stack;
  db: string;
  secrets: Record<string, string>;
  logDir: string;
  log: (l: string) => void;
  /** process counts (default 1 each) */
  replicas?: { api?: number; engine?: number };
  /** build and serve the example course browser under /course-browser/ (default true; tests pass false) */
  frontend?: boolean;
  /** extra environment of the API replicas and the worker (e.g. a test's REDIS_KEY_PREFIX or rate limits) */
  apiEnv?: Record<string, string>;
}

interface AppSpec {
  name: string;
  entry: string;
  args?: string[];
  env: Record<string, string>;
  health?: string;
}

async function healthy(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return res.ok;
}

const NON_TERMINATING = new Set<NodeJS.Signals>(['SIGSTOP', 'SIGTSTP', 'SIGCONT']);

/** A child process that can be killed and started again with the same spec (same port, same log file). */
class App implements AppHandle {
  readonly name: string;
  readonly url: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** set when we end the process ourselves, so that its exit is not reported as a crash */
  private ending = false;

  constructor(
    private readonly spec: AppSpec,
    private readonly logDir: string,
    private readonly log: (l: string) => void,
    url = '',
  ) {
    this.name = spec.name;
    this.url = url;
  }

  start(): void {
    const out = openSync(join(this.logDir, `${this.spec.name}.log`), 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, this.spec.entry), ...(this.spec.args ?? [])], {
      cwd: REPO,
      env: { ...process.env, ...this.spec.env },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    this.child = child;
    this.ending = false;
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        if (!this.ending) this.log(`${this.name} exited (${signal ?? code}); see ${this.name}.log`);
        done();
      });
    });
  }

  running(): boolean {
    const c = this.child;
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  }

  /** Resolves when the health URL answers 2xx; fails when the process exits first or after HEALTH_TIMEOUT_MS. */
  async waitHealthy(): Promise<void> {
    const health = this.spec.health;
    if (health === undefined) return;
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    for (;;) {
      if (!this.running()) throw new Error(`${this.name} exited before it was healthy; see ${this.name}.log`);
      if (await healthy(health).catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${HEALTH_TIMEOUT_MS} ms waiting for ${this.name}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  pid(): number | undefined {
    return this.running() ? this.child?.pid : undefined;
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.running()) return;
    if (NON_TERMINATING.has(signal)) {
      this.child?.kill(signal);
      return;
    }
    this.ending = true;
    this.child?.kill(signal);
    await this.exited;
  }

  async restart(): Promise<void> {
    if (this.running()) {
      this.child?.kill('SIGCONT');
      await this.kill('SIGKILL');
    }
    this.start();
    await this.waitHealthy();
    this.log(`${this.name} is up again`);
  }

  /** SIGTERM (after SIGCONT, in case a test stopped it), SIGKILL after `graceMs`; waits for the exit. */
  async stop(graceMs: number): Promise<void> {
    const pid = this.pid();
    if (pid === undefined) return;
    this.ending = true;
    this.child?.kill('SIGCONT');
    await terminate(pid, 'SIGTERM', graceMs);
    await this.exited;
  }
}

export async function startApps(opts: StartAppsOptions): Promise<RunningApps> {
  const { stack, db, secrets, log } = opts;
  const count = {
    api: Math.max(1, Math.floor(opts.replicas?.api ?? 1)),
    engine: Math.max(1, Math.floor(opts.replicas?.engine ?? 1)),
  };
  const freePorts = async (n: number) => {
    const ports: number[] = [];
    for (let i = 0; i < n; i += 1) ports.push(await freePort());
    return ports;
  };
  const local = (port: number) => `http://127.0.0.1:${port}`;
  const ports = {
    engine: await freePorts(count.engine),
    api: await freePorts(count.api),
    gateway: Number(process.env['PORT'] ?? 0) || (await freePort()),
    // service addresses of replicated services (see the file comment)
    apiService: count.api > 1 ? await freePort() : undefined,
    engineService: count.engine > 1 ? await freePort() : undefined,
  };
  const gatewayModule = join(REPO, 'gateway', 'src', 'index.ts');
  if ((count.api > 1 || count.engine > 1) && !existsSync(gatewayModule)) {
    throw new Error('replicas need the gateway (gateway/src/index.ts)');
  }
  const firstPort = (list: number[]) => list[0] ?? 0;
  const apiUrl = local(ports.apiService ?? firstPort(ports.api));
  const engineUrl = local(ports.engineService ?? firstPort(ports.engine));
  const hasApi = existsSync(join(REPO, 'api', 'src', 'main.ts'));
  const hasEngine = existsSync(join(REPO, 'engine', 'src', 'cli.ts'));

  const engines: App[] = [];
  const apis: App[] = [];
  const others: App[] = [];
  if (hasEngine) {
    ports.engine.forEach((port, i) => {
      const spec: AppSpec = {
        name: `engine-${i + 1}`,
        entry: 'engine/bin/engine.mjs',
        args: ['serve', '--metadata', join(REPO, 'hasura', 'metadata')],
        env: {
          HASURA_GRAPHQL_DATABASE_URL: stack.bouncerUrl(db, 'ct_engine'),
          HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
          HASURA_GRAPHQL_SERVER_PORT: String(port),
          HASURA_GRAPHQL_ADMIN_SECRET: secrets['adminSecret']!,
          ...(hasApi
            ? { HASURA_GRAPHQL_AUTH_HOOK: `${apiUrl}/api/hasura/auth`, HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET' }
            : { HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' }),
          API_BASE_URL: apiUrl,
          HASURA_ACTION_SECRET: secrets['actionSecret']!,
        },
        health: `${local(port)}/healthz`,
      };
      engines.push(new App(spec, opts.logDir, log, local(port)));
    });
  }
  if (hasApi) {
    const publicUrl = local(ports.gateway);
    const apiEnv = (port: number): Record<string, string> => ({
      NODE_ENV: 'development',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      API_PUBLIC_URL: publicUrl,
      API_BASE_URL: apiUrl,
      FRONTEND_URL: publicUrl,
      REDIS_URL: stack.redis!.url,
      DATABASE_URL: stack.bouncerUrl(db, 'ct_api'),
      GRAPHQL_URL: `${engineUrl}/v1/graphql`,
      GRAPHQL_ADMIN_SECRET: secrets['adminSecret']!,
      SESSION_SECRET: secrets['sessionSecret']!,
      HASURA_ACTION_SECRET: secrets['actionSecret']!,
      CATALOG_REFRESH_SECRET: secrets['catalogSecret']!,
      CATALOG_DIR: join(opts.logDir, '..', 'catalogs'),
      ...opts.apiEnv,
    });
    ports.api.forEach((port, i) => {
      const spec = {
        name: `api-${i + 1}`,
        entry: 'api/src/main.ts',
        env: apiEnv(port),
        health: `${local(port)}/api/ping`,
      };
      apis.push(new App(spec, opts.logDir, log, local(port)));
    });
    if (existsSync(join(REPO, 'api', 'src', 'worker.ts')))
      others.push(new App({ name: 'worker', entry: 'api/src/worker.ts', env: apiEnv(0) }, opts.logDir, log));
  }
  const all = [...engines, ...apis, ...others];

  const urls: Record<string, string> = {};
  let closeGateway: (() => Promise<void>) | undefined;
  let closeFrontend: (() => Promise<void>) | undefined;
  const stop = async () => {
    await closeGateway?.();
    await closeFrontend?.();
    await Promise.all(all.map((a) => a.stop(10_000)));
  };
  try {
    for (const app of all) app.start();
    await Promise.all(
      all.map(async (app) => {
        await app.waitHealthy();
        if (app.url) log(`${app.name} is up`);
      }),
    );
    const serviceMap: Record<string, string | string[]> = {
      [API_SERVICE_URL]: apis.map((a) => a.url),
      [ENGINE_SERVICE_URL]: engines.map((e) => e.url),
      'http://under-maintenance:8080': `static:${join(REPO, 'under_maintenance')}`,
    };
    const serviceAddresses: Record<string, number> = {};
    if (ports.apiService !== undefined && apis.length > 0) serviceAddresses[API_SERVICE_URL] = ports.apiService;
    if (ports.engineService !== undefined && engines.length > 0)
      serviceAddresses[ENGINE_SERVICE_URL] = ports.engineService;
    let dynamicDir = join(REPO, 'traefik', 'dynamic');
    if ((opts.frontend ?? true) && existsSync(join(REPO, 'examples', 'course-browser', 'vite.config.ts'))) {
      const out = join(opts.logDir, '..', 'course-browser');
      log('building the course browser …');
      await buildFrontend(REPO, out);
      const frontend = await serveFrontend(out);
      closeFrontend = () => new Promise((ok) => frontend.server.close(() => ok()));
      serviceMap[FRONTEND_SERVICE_URL] = frontend.url;
      dynamicDir = localDynamicDir(REPO, join(opts.logDir, '..', 'gateway-dynamic'));
    }
    if (existsSync(gatewayModule)) {
      const { startGateway } = (await import(pathToFileURL(gatewayModule).href)) as {
        startGateway: (o: {
          dynamicDir: string;
          serviceMap: Record<string, string | string[]>;
          serviceAddresses: Record<string, number>;
          port: number;
          host: string;
          adminPort: number;
          log: (line: string) => void;
        }) => Promise<{ url: string; adminUrl?: string; close: () => Promise<void> }>;
      };
      // The dynamic files name docker-compose services; locally each maps to its replicas' ports or a directory.
      const gw = await startGateway({
        dynamicDir,
        serviceMap,
        serviceAddresses,
        port: ports.gateway,
        adminPort: await freePort(),
        host: '127.0.0.1',
        log: (line) => log(`gateway: ${line}`),
      });
      closeGateway = gw.close;
      urls['gateway'] = gw.url;
      urls['graphql'] = `${gw.url}/v1/graphql`;
      urls['api ping'] = `${gw.url}/api/ping`;
      if (serviceMap[FRONTEND_SERVICE_URL]) urls['course browser'] = `${gw.url}${FRONTEND_PREFIX}`;
      if (gw.adminUrl) urls['admin (local)'] = `${gw.adminUrl}/console`;
    }
    // `engine` and `api`: the one process, or the service address that balances over the replicas.
    if (engines.length > 0) urls['engine'] = engineUrl;
    if (apis.length > 0) urls['api'] = apiUrl;
    if (engines.length > 0)
      urls['console'] = `${engines[0]?.url ?? engineUrl}/console (local only; admin secret in .stack/app-secrets.json)`;
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    urls,
    get pids() {
      return Object.fromEntries(
        all.flatMap((a) => {
          const pid = a.pid();
          return pid === undefined ? [] : [[a.name, pid]];
        }),
      );
    },
    replicas: { api: apis, engine: engines },
    stop,
  };
}
