/**
 * The data services of docker-compose.yml — `db` (Postgres), `pgbouncer`, `redis` — started through the local stack
 * (stack/src/local) with the repository's own configuration, for the tests and the tools that need a database
 * (conformance runner, benchmarks, schema printing). A test file gets one throwaway stack per test run from the
 * vitest global setup (global-setup.ts); `npm start` runs the whole file (local-stack.ts).
 *
 * The stack's control socket lets another process restart a service of it (restartService), and a detached reaper
 * stops everything if the process that started it dies without calling stop().
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { alive, terminate } from './processes.js';
import { control, serveControl } from './local/control.js';
import { localEnv } from './local/env.js';
import { REPO, startLocalStack, type LocalStack } from './local/run.js';
import { readState, statePids, type StackState } from './local/state.js';

export const ROLES = ['ct_owner', 'ct_engine', 'ct_api', 'ct_readonly'] as const;
export type Role = (typeof ROLES)[number];
export type Service = 'postgres' | 'pgbouncer' | 'redis';

/** docker-compose service of each data service. */
const COMPOSE_NAME: Record<Service, string> = { postgres: 'db', pgbouncer: 'pgbouncer', redis: 'redis' };
const PASSWORD_VAR: Record<Role, string> = {
  ct_owner: 'CT_OWNER_PASSWORD',
  ct_engine: 'CT_ENGINE_PASSWORD',
  ct_api: 'CT_API_PASSWORD',
  ct_readonly: 'CT_READONLY_PASSWORD',
};

/** The JSON-serialisable description of a running data stack (what vitest's `inject('stack')` holds). */
export interface StackInfo {
  dir: string;
  persistent: boolean;
  postgres: { host: string; port: number; socketDir: string; superuser: 'postgres' };
  pgbouncer?: { host: string; port: number };
  /** `url` carries the password (REDIS_PASSWORD, the redis_password secret's value): redis://default:<password>@… */
  redis?: { host: string; port: number; url: string; password: string };
  passwords: Record<Role, string>;
  pids: { postgres?: number; pgbouncer?: number; redis?: number; reaper?: number };
  /** the stack's interpolation variables (its generated secrets): app stacks of the tests share them */
  env: Record<string, string>;
  /** addresses of the data services by docker-compose name */
  hosts: Record<string, string>;
  /** Extra entries (URLs) that `npm start` adds. */
  urls?: Record<string, string>;
}

export interface Stack extends StackInfo {
  directUrl: (db: string, role?: Role | 'postgres') => string;
  bouncerUrl: (db: string, role: Role) => string;
  createDatabase: (name: string, opts?: { template?: string; owner?: Role }) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
  /** A client connected as the superuser over the unix socket. */
  superClient: (db?: string) => Promise<pg.Client>;
  stop: () => Promise<void>;
}

export interface StartOptions {
  dir: string;
  persistent: boolean;
  services?: Service[];
  log?: (line: string) => void;
  /** Start a reaper that stops the services if this process dies (default: true). */
  reaper?: boolean;
}

/** Start the reaper: a detached process that stops the stack when this process is gone. */
function startReaper(dir: string): number | undefined {
  const child = spawn(process.execPath, [join(REPO, 'stack', 'bin', 'reaper.mjs'), String(process.pid), dir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child.pid;
}

/** The data-service part of a stack's state, as StackInfo. */
export function stackInfo(state: StackState, env: Record<string, string | undefined>, persistent: boolean): StackInfo {
  const pid = (service: string): number | undefined => state.services[service]?.replicas[0]?.pid;
  const running = (service: string): boolean => state.services[service]?.status === 'run';
  const host = (service: string): string => state.hosts[service] ?? '127.0.0.1';
  const passwords = Object.fromEntries(ROLES.map((r) => [r, env[PASSWORD_VAR[r]] ?? ''])) as Record<Role, string>;
  const info: StackInfo = {
    dir: state.dir,
    persistent,
    postgres: {
      host: host('db'),
      port: 5432,
      socketDir: join(state.dir, 'run', 'db-1', 'var-run-postgresql'),
      superuser: 'postgres',
    },
    passwords,
    pids: {},
    env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)),
    hosts: Object.fromEntries(['db', 'pgbouncer', 'redis'].filter(running).map((s) => [s, host(s)])),
  };
  const pgPid = pid('db');
  if (pgPid !== undefined) info.pids.postgres = pgPid;
  if (running('pgbouncer')) {
    info.pgbouncer = { host: host('pgbouncer'), port: 6432 };
    const p = pid('pgbouncer');
    if (p !== undefined) info.pids.pgbouncer = p;
  }
  if (running('redis')) {
    const password = env['REDIS_PASSWORD'] ?? '';
    const auth = password === '' ? '' : `default:${encodeURIComponent(password)}@`;
    info.redis = { host: host('redis'), port: 6379, url: `redis://${auth}${host('redis')}:6379`, password };
    const p = pid('redis');
    if (p !== undefined) info.pids.redis = p;
  }
  return info;
}

/** Start the requested data services (all three by default) under `opts.dir`, from docker-compose.yml. */
export async function startStack(opts: StartOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const services = opts.services ?? ['postgres', 'pgbouncer', 'redis'];
  const env = localEnv({ repo: REPO, dir: opts.dir, dotenv: false, shell: {}, extra: localUrls() });
  const reaper = (opts.reaper ?? true) ? startReaper(opts.dir) : undefined;
  let local: LocalStack;
  try {
    local = await startLocalStack({
      dir: opts.dir,
      env,
      only: services.map((s) => COMPOSE_NAME[s]),
      ephemeral: !opts.persistent,
      log,
    });
  } catch (err) {
    await stopStackDir(opts.dir);
    throw err;
  }
  const ctl = await serveControl(local, () => undefined);
  const info = stackInfo(local.state(), env, opts.persistent);
  if (reaper !== undefined) info.pids.reaper = reaper;
  const stack = attach(info);
  stack.stop = async () => {
    await ctl.close();
    await local.stop();
    if (reaper !== undefined) await terminate(reaper, 'SIGTERM', 200);
    if (!opts.persistent) rmSync(opts.dir, { recursive: true, force: true });
  };
  return stack;
}

/** PUBLIC_URL/FRONTEND_URL for a stack without a gateway (the variables are required by the whole file). */
export function localUrls(port = 0): Record<string, string> {
  const url = `http://127.0.0.1:${port}`;
  return { PUBLIC_URL: url, FRONTEND_URL: url };
}

/**
 * Stops whatever a stack directory's state names: through its control socket when its supervisor is alive, else by
 * signalling its processes (used by `npm run down` and after a failed start).
 */
export async function stopStackDir(dir: string): Promise<void> {
  const state = readState(dir);
  if (state === undefined) return;
  if (alive(state.supervisorPid) && state.supervisorPid !== process.pid && existsSync(join(dir, 'control.sock'))) {
    await control(dir, 'POST', '/stop').catch(() => undefined);
    const deadline = Date.now() + 60_000;
    while (alive(state.supervisorPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
  await Promise.all(statePids(readState(dir) ?? state).map((pid) => terminate(pid, 'SIGTERM', 10_000)));
}

/** Wrap a StackInfo (e.g. from vitest's inject) with its helper methods. */
export function attach(info: StackInfo): Stack {
  const enc = encodeURIComponent;
  const superClient = async (db = 'postgres') => {
    const c = new pg.Client({
      host: info.postgres.socketDir,
      port: info.postgres.port,
      user: 'postgres',
      database: db,
    });
    await c.connect();
    return c;
  };
  const admin = async (sql: string, params: string[]): Promise<void> => {
    const c = await superClient();
    try {
      const { rows } = await c.query<{ sql: string }>(sql, params);
      // Concurrent clones of one template can collide ("source database is being accessed"): retry briefly.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(rows[0]!.sql);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== '55006' || attempt > 50) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await c.end();
    }
  };
  return {
    ...info,
    directUrl(db, role = 'postgres') {
      if (role === 'postgres') {
        return `postgresql://postgres@localhost:${info.postgres.port}/${enc(db)}?host=${enc(info.postgres.socketDir)}`;
      }
      return `postgresql://${role}:${enc(info.passwords[role])}@${info.postgres.host}:${info.postgres.port}/${enc(db)}`;
    },
    bouncerUrl(db, role) {
      if (!info.pgbouncer) throw new Error('pgbouncer is not running in this stack');
      return `postgresql://${role}:${enc(info.passwords[role])}@${info.pgbouncer.host}:${info.pgbouncer.port}/${enc(db)}`;
    },
    superClient,
    createDatabase: (name, o = {}) =>
      admin(`select format('create database %I owner %I template %I', $1::text, $2::text, $3::text) as sql`, [
        name,
        o.owner ?? 'ct_owner',
        o.template ?? 'template0',
      ]),
    dropDatabase: (name) => admin(`select format('drop database if exists %I with (force)', $1::text) as sql`, [name]),
    stop: () => stopStackDir(info.dir),
  };
}

export interface RestartOptions {
  /** How long the service stays down between stop and start (default 0). */
  downMs?: number;
}

/**
 * Fault injection for tests: `docker stop` one data service of a running stack (its stop signal: Redis SIGTERM,
 * fsyncing its AOF first; Postgres SIGINT, a fast shutdown that rolls back open transactions; pgbouncer SIGINT),
 * wait `downMs`, and start it again with the same address, port and data, waiting until its healthcheck passes.
 * Works from any process through the stack's control socket. Updates `stack.pids`; resolves with the time the
 * service was unavailable.
 */
export async function restartService(
  stack: Stack,
  service: Service,
  opts: RestartOptions = {},
): Promise<{ service: Service; downMs: number }> {
  const name = `${COMPOSE_NAME[service]}-1`;
  const t0 = performance.now();
  await control(stack.dir, 'POST', `/replicas/${name}/stop`);
  if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
  const started = await control<{ pid?: number }>(stack.dir, 'POST', `/replicas/${name}/start`);
  if (started.pid !== undefined) stack.pids[service] = started.pid;
  return { service, downMs: Math.round(performance.now() - t0) };
}
