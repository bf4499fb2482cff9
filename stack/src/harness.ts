/**
 * The service harness: a Postgres cluster, pgbouncer in front of it and Redis, on free loopback ports, with their
 * data and logs under one directory. Used by `npm start`/`npm run up` (persistent, under `.stack/`) and by the
 * tests (throwaway, in a temp dir). A detached reaper process stops everything if the parent dies without
 * calling `stop()`, so a crashed test run leaves no process behind.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  chownToService,
  freePort,
  isRoot,
  readPid,
  run,
  runOk,
  tcpExchange,
  tcpOpen,
  terminate,
  waitFor,
} from './processes.js';

export const ROLES = ['ct_owner', 'ct_engine', 'ct_api', 'ct_readonly'] as const;
export type Role = (typeof ROLES)[number];
export type Service = 'postgres' | 'pgbouncer' | 'redis';

const PG_BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The JSON-serialisable description of a running stack (what `.stack/stack.json` and vitest's `inject` hold). */
export interface StackInfo {
  dir: string;
  persistent: boolean;
  postgres: { host: '127.0.0.1'; port: number; socketDir: string; superuser: 'postgres' };
  pgbouncer?: { host: '127.0.0.1'; port: number };
  redis?: { host: '127.0.0.1'; port: number; url: string };
  passwords: Record<Role, string>;
  pids: { postgres?: number; pgbouncer?: number; redis?: number; reaper?: number };
  /** Extra entries (URLs of the app processes) that `npm start` adds. */
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
  /** Start a reaper that stops the services if this process dies (default: true unless detached). */
  reaper?: boolean;
}

/** Paths inside a stack directory. */
function layout(dir: string) {
  return {
    pgData: join(dir, 'pg', 'data'),
    pgSocket: join(dir, 'pg', 'run'),
    bouncer: join(dir, 'pgbouncer'),
    redis: join(dir, 'redis'),
    logs: join(dir, 'logs'),
    secrets: join(dir, 'secrets.json'),
    state: join(dir, 'stack.json'),
  };
}

function makeDir(path: string, forService: boolean): void {
  mkdirSync(path, { recursive: true });
  if (forService) chownToService(path);
}

function loadOrCreatePasswords(file: string): Record<Role, string> {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<Role, string>;
  const pw = Object.fromEntries(ROLES.map((r) => [r, randomBytes(18).toString('base64url')])) as Record<Role, string>;
  writeFileSync(file, JSON.stringify(pw, null, 2), { mode: 0o600 });
  return pw;
}

/** The server options of the cluster (also used to start it again after a stop, see restartService). */
function postgresOptions(dir: string, port: number, persistent: boolean): string {
  const p = layout(dir);
  return [
    `-p ${port}`,
    `-k ${p.pgSocket}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=300',
    '-c shared_preload_libraries=pg_stat_statements',
    '-c password_encryption=scram-sha-256',
    ...(persistent ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
}

async function pgCtlStart(dir: string, port: number, persistent: boolean): Promise<number | undefined> {
  const p = layout(dir);
  await runOk(
    join(PG_BIN, 'pg_ctl'),
    [
      '-D',
      p.pgData,
      '-l',
      join(p.logs, 'postgres.log'),
      '-w',
      '-t',
      '30',
      '-o',
      postgresOptions(dir, port, persistent),
      'start',
    ],
    { asService: true },
  );
  return readPid(join(p.pgData, 'postmaster.pid'));
}

async function startPostgres(dir: string, persistent: boolean, log: (l: string) => void) {
  const p = layout(dir);
  makeDir(join(dir, 'pg'), true);
  makeDir(p.pgSocket, true);
  makeDir(p.logs, true);
  if (!existsSync(join(p.pgData, 'PG_VERSION'))) {
    log('initdb …');
    await runOk(
      join(PG_BIN, 'initdb'),
      [
        '-D',
        p.pgData,
        '-U',
        'postgres',
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        '-E',
        'UTF8',
        '--no-locale',
      ],
      { asService: true },
    );
  }
  const port = await freePort();
  const pid = await pgCtlStart(dir, port, persistent);
  log(`postgres listening on 127.0.0.1:${port}`);
  return { port, pid };
}

async function setupRoles(client: pg.Client, passwords: Record<Role, string>): Promise<void> {
  const init = join(REPO, 'db', 'init', '01-roles.sql');
  if (existsSync(init)) {
    await client.query(readFileSync(init, 'utf8'));
  } else {
    for (const role of ROLES) {
      await client.query(
        `do $$ begin if not exists (select from pg_roles where rolname = '${role}') then create role ${role} login; end if; end $$`,
      );
    }
  }
  for (const role of ROLES) {
    // A DO block cannot take bind parameters; format the literal with Postgres's own quoting.
    const { rows } = await client.query<{ sql: string }>(
      `select format('alter role %I with login password %L', $1::text, $2::text) as sql`,
      [role, passwords[role]],
    );
    await client.query(rows[0]!.sql);
  }
}

async function startPgbouncer(dir: string, pgPort: number, client: pg.Client, log: (l: string) => void) {
  const p = layout(dir);
  makeDir(p.bouncer, true);
  const { rows } = await client.query<{ rolname: string; rolpassword: string }>(
    `select rolname, rolpassword from pg_authid where rolname = any($1::text[])`,
    [[...ROLES]],
  );
  const userlist = rows.map((r) => `"${r.rolname}" "${r.rolpassword}"`).join('\n') + '\n';
  const userlistPath = join(p.bouncer, 'userlist.txt');
  writeFileSync(userlistPath, userlist, { mode: 0o600 });
  chownToService(userlistPath);
  const port = await freePort();
  const ini = [
    '[databases]',
    `* = host=127.0.0.1 port=${pgPort}`,
    '',
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    `unix_socket_dir = ${p.bouncer}`,
    'auth_type = scram-sha-256',
    `auth_file = ${userlistPath}`,
    // Transaction pooling, as in production (db/pgbouncer): session state only inside transactions.
    'pool_mode = transaction',
    'max_client_conn = 1000',
    'default_pool_size = 20',
    'ignore_startup_parameters = extra_float_digits,options',
    // After a failed server login (Postgres restarting) retry after 1 s instead of the default 15 s, during which
    // every client would be refused with "server login has been failing"; as db/pgbouncer/pgbouncer.ini.
    'server_login_retry = 1',
    `logfile = ${join(p.logs, 'pgbouncer.log')}`,
    `pidfile = ${join(p.bouncer, 'pgbouncer.pid')}`,
    '',
  ].join('\n');
  const iniPath = join(p.bouncer, 'pgbouncer.ini');
  writeFileSync(iniPath, ini, { mode: 0o600 });
  chownToService(iniPath);
  const pid = await launchPgbouncer(dir, port);
  log(`pgbouncer listening on 127.0.0.1:${port}`);
  return { port, pid };
}

/** Start pgbouncer (daemonised) from the stack's pgbouncer.ini and wait until it accepts connections. */
async function launchPgbouncer(dir: string, port: number): Promise<number | undefined> {
  const p = layout(dir);
  await runOk('pgbouncer', ['-d', join(p.bouncer, 'pgbouncer.ini')], { asService: true });
  await waitFor('pgbouncer', () => tcpOpen(port), 10_000);
  await waitFor(
    'pgbouncer pid file',
    () => Promise.resolve(readPid(join(p.bouncer, 'pgbouncer.pid')) !== undefined),
    10_000,
  );
  return readPid(join(p.bouncer, 'pgbouncer.pid'));
}

/**
 * redis-server's arguments. AOF is on (fsync every second) as in production (docker-compose.yml), so sessions and
 * queued jobs survive a restart of Redis (see restartService).
 */
function redisArgs(dir: string, port: number): string[] {
  const p = layout(dir);
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'yes',
    '--pidfile',
    join(p.redis, 'redis.pid'),
    '--logfile',
    join(p.logs, 'redis.log'),
    '--dir',
    p.redis,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
  ];
}

/** Start redis-server on `port` and wait until it answers PING (not while it is still loading the AOF). */
async function launchRedis(dir: string, port: number): Promise<number | undefined> {
  const pidfile = join(layout(dir).redis, 'redis.pid');
  await runOk('redis-server', redisArgs(dir, port));
  await waitFor('redis', async () => (await tcpExchange(port, 'PING\r\n')).startsWith('+PONG'));
  await waitFor('redis pid file', () => Promise.resolve(readPid(pidfile) !== undefined));
  return readPid(pidfile);
}

async function startRedis(dir: string, log: (l: string) => void) {
  const p = layout(dir);
  makeDir(p.redis, false);
  makeDir(p.logs, true);
  const port = await freePort();
  const pid = await launchRedis(dir, port);
  log(`redis listening on 127.0.0.1:${port}`);
  return { port, pid };
}

/** Start the reaper: a detached process that stops the stack when `parentPid` is gone. */
function startReaper(dir: string): number | undefined {
  const script = join(REPO, 'stack', 'bin', 'reaper.mjs');
  const child = spawn(process.execPath, [script, String(process.pid), dir], { detached: true, stdio: 'ignore' });
  child.unref();
  return child.pid;
}

/** Stop whatever a stack directory's state file says is running (used by stop(), `npm run down` and the reaper). */
export async function stopStackDir(dir: string): Promise<void> {
  const p = layout(dir);
  const info = existsSync(p.state) ? (JSON.parse(readFileSync(p.state, 'utf8')) as StackInfo) : undefined;
  if (info?.pids.reaper) await terminate(info.pids.reaper, 'SIGTERM', 200);
  // A throwaway stack's data does not matter: kill at once instead of waiting for a clean shutdown.
  const signal = info?.persistent === false ? 'SIGKILL' : 'SIGTERM';
  const bouncerPid = readPid(join(p.bouncer, 'pgbouncer.pid')) ?? info?.pids.pgbouncer;
  const redisPid = readPid(join(p.redis, 'redis.pid')) ?? info?.pids.redis;
  await Promise.all([bouncerPid && terminate(bouncerPid, signal), redisPid && terminate(redisPid, signal)]);
  if (existsSync(join(p.pgData, 'postmaster.pid'))) {
    const mode = info?.persistent === false ? 'immediate' : 'fast';
    const res = await run(join(PG_BIN, 'pg_ctl'), ['-D', p.pgData, '-m', mode, '-w', 'stop'], { asService: true });
    if (res.code !== 0) {
      const pid = readPid(join(p.pgData, 'postmaster.pid'));
      if (pid) await terminate(pid, 'SIGQUIT');
    }
  }
  if (info && !info.persistent) rmSync(dir, { recursive: true, force: true });
  else if (existsSync(p.state)) rmSync(p.state, { force: true });
}

/** Start the requested services (all by default) under `opts.dir`. */
export async function startStack(opts: StartOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const services = new Set<Service>(opts.services ?? ['postgres', 'pgbouncer', 'redis']);
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  // The service user must be able to traverse into the stack directory.
  if (isRoot) chmodSync(dir, 0o755);
  const p = layout(dir);
  const passwords = loadOrCreatePasswords(p.secrets);
  const info: StackInfo = {
    dir,
    persistent: opts.persistent,
    postgres: { host: '127.0.0.1', port: 0, socketDir: p.pgSocket, superuser: 'postgres' },
    passwords,
    pids: {},
  };
  const save = () => writeFileSync(p.state, JSON.stringify(info, null, 2), { mode: 0o600 });
  if (opts.reaper ?? true) {
    const reaper = startReaper(dir);
    if (reaper) info.pids.reaper = reaper;
  }
  save();
  try {
    const pgRes = await startPostgres(dir, opts.persistent, log);
    info.postgres.port = pgRes.port;
    if (pgRes.pid) info.pids.postgres = pgRes.pid;
    save();
    const admin = new pg.Client({ host: p.pgSocket, port: pgRes.port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await setupRoles(admin, passwords);
      if (services.has('pgbouncer')) {
        const b = await startPgbouncer(dir, pgRes.port, admin, log);
        info.pgbouncer = { host: '127.0.0.1', port: b.port };
        if (b.pid) info.pids.pgbouncer = b.pid;
        save();
      }
    } finally {
      await admin.end();
    }
    if (services.has('redis')) {
      const r = await startRedis(dir, log);
      info.redis = { host: '127.0.0.1', port: r.port, url: `redis://127.0.0.1:${r.port}` };
      if (r.pid) info.pids.redis = r.pid;
      save();
    }
  } catch (err) {
    await stopStackDir(dir).catch(() => undefined);
    throw err;
  }
  return attach(info);
}

/** Wrap a StackInfo (e.g. read from `.stack/stack.json` or vitest's inject) with its helper methods. */
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
  return {
    ...info,
    directUrl(db, role = 'postgres') {
      if (role === 'postgres') {
        return `postgresql://postgres@localhost:${info.postgres.port}/${enc(db)}?host=${enc(info.postgres.socketDir)}`;
      }
      return `postgresql://${role}:${enc(info.passwords[role])}@127.0.0.1:${info.postgres.port}/${enc(db)}`;
    },
    bouncerUrl(db, role) {
      if (!info.pgbouncer) throw new Error('pgbouncer is not running in this stack');
      return `postgresql://${role}:${enc(info.passwords[role])}@127.0.0.1:${info.pgbouncer.port}/${enc(db)}`;
    },
    superClient,
    async createDatabase(name, o = {}) {
      const c = await superClient();
      try {
        const { rows } = await c.query<{ sql: string }>(
          `select format('create database %I owner %I template %I', $1::text, $2::text, $3::text) as sql`,
          [name, o.owner ?? 'ct_owner', o.template ?? 'template0'],
        );
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
    },
    async dropDatabase(name) {
      const c = await superClient();
      try {
        const { rows } = await c.query<{ sql: string }>(
          `select format('drop database if exists %I with (force)', $1::text) as sql`,
          [name],
        );
        await c.query(rows[0]!.sql);
      } finally {
        await c.end();
      }
    },
    stop: () => stopStackDir(info.dir),
  };
}

export interface RestartOptions {
  /**
   * How long the service stays down between stop and start (default 0). With 0, Postgres restarts through
   * `pg_ctl restart -m fast`; otherwise it is stopped with `-m fast` and started again after the pause.
   */
  downMs?: number;
}

/**
 * Fault injection for tests: stop one service of a running stack and start it again on the same port with the same
 * data, the way a container restart does. Redis stops with SIGTERM (it fsyncs its AOF first, so sessions survive);
 * Postgres stops with `-m fast` (sessions are terminated, in-flight transactions roll back); pgbouncer stops with
 * SIGTERM (immediate shutdown: its client connections are cut). Clients are expected to reconnect by themselves.
 * Updates `stack.pids` and the stack's state file. Resolves with the time the service was unavailable.
 */
export async function restartService(
  stack: Stack,
  service: Service,
  opts: RestartOptions = {},
): Promise<{ service: Service; downMs: number }> {
  const p = layout(stack.dir);
  const pause = () => new Promise((r) => setTimeout(r, opts.downMs ?? 0));
  const t0 = performance.now();
  if (service === 'redis') {
    if (!stack.redis) throw new Error('redis is not running in this stack');
    const pid = readPid(join(p.redis, 'redis.pid')) ?? stack.pids.redis;
    if (pid) await terminate(pid, 'SIGTERM', 10_000);
    await pause();
    const newPid = await launchRedis(stack.dir, stack.redis.port);
    if (newPid) stack.pids.redis = newPid;
  } else if (service === 'pgbouncer') {
    if (!stack.pgbouncer) throw new Error('pgbouncer is not running in this stack');
    const pid = readPid(join(p.bouncer, 'pgbouncer.pid')) ?? stack.pids.pgbouncer;
    if (pid) await terminate(pid, 'SIGTERM', 10_000);
    // pgbouncer removes its pid file on exit; wait for that so the new one is not mistaken for the old.
    await waitFor('pgbouncer pid file removal', () => Promise.resolve(!existsSync(join(p.bouncer, 'pgbouncer.pid'))));
    await pause();
    const newPid = await launchPgbouncer(stack.dir, stack.pgbouncer.port);
    if (newPid) stack.pids.pgbouncer = newPid;
  } else {
    const pgCtl = join(PG_BIN, 'pg_ctl');
    if (!opts.downMs) {
      // -l again: without it the new postmaster would write to (and hold open) our stdout pipe.
      const logFile = join(p.logs, 'postgres.log');
      await runOk(pgCtl, ['-D', p.pgData, '-l', logFile, '-m', 'fast', '-w', '-t', '30', 'restart'], {
        asService: true,
      });
    } else {
      await runOk(pgCtl, ['-D', p.pgData, '-m', 'fast', '-w', '-t', '30', 'stop'], { asService: true });
      await pause();
      await pgCtlStart(stack.dir, stack.postgres.port, stack.persistent);
    }
    const newPid = readPid(join(p.pgData, 'postmaster.pid'));
    if (newPid) stack.pids.postgres = newPid;
  }
  if (existsSync(p.state)) {
    const state = JSON.parse(readFileSync(p.state, 'utf8')) as StackInfo;
    writeFileSync(p.state, JSON.stringify({ ...state, pids: { ...state.pids, ...stack.pids } }, null, 2), {
      mode: 0o600,
    });
  }
  return { service, downMs: Math.round(performance.now() - t0) };
}
