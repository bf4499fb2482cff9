/**
 * `npm start`: the persistent local stack under `.stack/` — services, the `coursetable` database (migrated, and
 * seeded on first start), the app processes (engine, API, worker) and the gateway on one port. Runs in the
 * foreground until SIGINT/SIGTERM, then stops everything it started.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack, type StackInfo } from './harness.js';
import { startApps, type RunningApps } from './apps.js';
import { buildDatabase } from './template.js';

export const APP_DB = 'coursetable';
const DEFAULT_SEED = { seed: 1, scale: 1 };

async function databaseExists(stack: Stack, name: string): Promise<boolean> {
  const c = await stack.superClient();
  try {
    const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await c.end();
  }
}

async function prepareDatabase(stack: Stack, log: (l: string) => void): Promise<void> {
  if (!(await databaseExists(stack, APP_DB))) {
    log(`creating database ${APP_DB} with sample data (seed ${DEFAULT_SEED.seed}, scale ${DEFAULT_SEED.scale}) …`);
    await buildDatabase(stack, APP_DB, { seed: DEFAULT_SEED, log });
    return;
  }
  const { migrateUp } = (await import('../../migrations/run.js')) as {
    migrateUp: (url: string, o?: { log?: (l: string) => void }) => Promise<unknown>;
  };
  await migrateUp(stack.directUrl(APP_DB, 'ct_owner'), { log });
}

/** Local-only secrets shared by the app processes (admin secret, session secret …), kept in .stack/. */
function appSecrets(dir: string): Record<string, string> {
  const file = join(dir, 'app-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const make = () => randomBytes(36).toString('base64url');
  const secrets = { adminSecret: make(), sessionSecret: make(), actionSecret: make(), catalogSecret: make() };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function runStack(opts: { dir: string; onReady: (info: StackInfo) => void }): Promise<number> {
  const log = (l: string) => console.log(`[stack] ${l}`);
  mkdirSync(opts.dir, { recursive: true });
  const stack = await startStack({ dir: opts.dir, persistent: true, log });
  let apps: RunningApps | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping …');
    await apps?.stop();
    await stack.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    await prepareDatabase(stack, log);
    apps = await startApps({ stack, db: APP_DB, secrets: appSecrets(opts.dir), logDir: join(opts.dir, 'logs'), log });
  } catch (err) {
    console.error(`[stack] failed to start: ${err instanceof Error ? err.message : String(err)}`);
    await stop(1);
    return 1;
  }
  const statePath = join(opts.dir, 'stack.json');
  const state = JSON.parse(readFileSync(statePath, 'utf8')) as StackInfo & Record<string, unknown>;
  const info = { ...state, urls: apps.urls, apps: apps.pids, supervisorPid: process.pid, ready: true };
  writeFileSync(statePath, JSON.stringify(info, null, 2), { mode: 0o600 });
  opts.onReady(info);
  log('Ctrl-C stops everything.');
  await new Promise(() => undefined);
  return 0;
}
