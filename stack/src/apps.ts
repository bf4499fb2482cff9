/**
 * The application processes of the local stack: the GraphQL engine, the API and its worker as child processes
 * (logs under `.stack/logs/`), and the gateway that serves all of them on one port with the same `traefik/` routes
 * as production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFrontend, FRONTEND_PREFIX, FRONTEND_SERVICE_URL, localDynamicDir, serveFrontend } from './frontend.js';
import type { Stack } from './harness.js';
import { freePort, terminate, waitFor } from './processes.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningApps {
  urls: Record<string, string>;
  pids: Record<string, number>;
  stop: () => Promise<void>;
}

interface AppSpec {
  name: string;
  entry: string;
  args?: string[];
  env: Record<string, string>;
  health?: string;
}

function spawnApp(spec: AppSpec, logDir: string): ChildProcess {
  const out = openSync(join(logDir, `${spec.name}.log`), 'a');
  return spawn(process.execPath, ['--import', 'tsx', join(REPO, spec.entry), ...(spec.args ?? [])], {
    cwd: REPO,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', out, out],
  });
}

async function healthy(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return res.ok;
}

export async function startApps(opts: {
  stack: Stack;
  db: string;
  secrets: Record<string, string>;
  logDir: string;
  log: (l: string) => void;
}): Promise<RunningApps> {
  const { stack, db, secrets, log } = opts;
  const ports = {
    engine: await freePort(),
    api: await freePort(),
    gateway: Number(process.env['PORT'] ?? 0) || (await freePort()),
  };
  const engineUrl = `http://127.0.0.1:${ports.engine}`;
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  const hasApi = existsSync(join(REPO, 'api', 'src', 'main.ts'));
  const specs: AppSpec[] = [];
  if (existsSync(join(REPO, 'engine', 'src', 'cli.ts'))) {
    specs.push({
      name: 'engine',
      entry: 'engine/bin/engine.mjs',
      args: ['serve', '--metadata', join(REPO, 'hasura', 'metadata')],
      env: {
        HASURA_GRAPHQL_DATABASE_URL: stack.bouncerUrl(db, 'ct_engine'),
        HASURA_GRAPHQL_SERVER_HOST: '127.0.0.1',
        HASURA_GRAPHQL_SERVER_PORT: String(ports.engine),
        HASURA_GRAPHQL_ADMIN_SECRET: secrets['adminSecret']!,
        ...(hasApi
          ? { HASURA_GRAPHQL_AUTH_HOOK: `${apiUrl}/api/hasura/auth`, HASURA_GRAPHQL_AUTH_HOOK_MODE: 'GET' }
          : { HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' }),
        API_BASE_URL: apiUrl,
        HASURA_ACTION_SECRET: secrets['actionSecret']!,
      },
      health: `${engineUrl}/healthz`,
    });
  }
  if (hasApi) {
    const publicUrl = `http://127.0.0.1:${ports.gateway}`;
    const apiEnv = {
      NODE_ENV: 'development',
      API_PORT: String(ports.api),
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
    };
    specs.push({ name: 'api', entry: 'api/src/main.ts', env: apiEnv, health: `${apiUrl}/api/ping` });
    if (existsSync(join(REPO, 'api', 'src', 'worker.ts')))
      specs.push({ name: 'worker', entry: 'api/src/worker.ts', env: apiEnv });
  }

  const children = new Map<string, ChildProcess>();
  const urls: Record<string, string> = {};
  let closeGateway: (() => Promise<void>) | undefined;
  let closeFrontend: (() => Promise<void>) | undefined;
  const stop = async () => {
    await closeGateway?.();
    await closeFrontend?.();
    const pids = [...children.values()].flatMap((c) => (c.pid ? [c.pid] : []));
    await Promise.all(pids.map((pid) => terminate(pid, 'SIGTERM', 10_000)));
  };
  try {
    for (const spec of specs) {
      const child = spawnApp(spec, opts.logDir);
      children.set(spec.name, child);
      child.on('exit', (code, signal) => {
        if (!child.killed) log(`${spec.name} exited (${signal ?? code}); see .stack/logs/${spec.name}.log`);
      });
    }
    for (const spec of specs) {
      if (!spec.health) continue;
      const health = spec.health;
      await waitFor(spec.name, () => healthy(health), 60_000);
      log(`${spec.name} is up`);
    }
    if (children.has('engine')) urls['engine'] = engineUrl;
    if (children.has('api')) urls['api'] = apiUrl;
    const gatewayModule = join(REPO, 'gateway', 'src', 'index.ts');
    const serviceMap: Record<string, string> = {
      'http://api:4096': apiUrl,
      'http://graphql-engine:8080': engineUrl,
      'http://under-maintenance:8080': `static:${join(REPO, 'under_maintenance')}`,
    };
    let dynamicDir = join(REPO, 'traefik', 'dynamic');
    if (existsSync(join(REPO, 'examples', 'course-browser', 'vite.config.ts'))) {
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
          serviceMap: Record<string, string>;
          port: number;
          host: string;
          adminPort: number;
          log: (line: string) => void;
        }) => Promise<{ url: string; adminUrl?: string; close: () => Promise<void> }>;
      };
      // The dynamic files name docker-compose services; locally each maps to a port or a static directory.
      const gw = await startGateway({
        dynamicDir,
        serviceMap,
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
    if (children.has('engine'))
      urls['console'] = `${engineUrl}/console (local only; admin secret in .stack/app-secrets.json)`;
  } catch (err) {
    await stop();
    throw err;
  }
  const pids = Object.fromEntries([...children].flatMap(([n, c]) => (c.pid ? [[n, c.pid]] : [])));
  return { urls, pids, stop };
}
