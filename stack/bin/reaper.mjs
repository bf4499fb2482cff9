#!/usr/bin/env node
// Stops a stack's services when the process that started them is gone (crash, SIGKILL, closed terminal).
// Plain JavaScript with no dependencies: it must work even if node_modules is being replaced.
// Usage: reaper.mjs <parentPid> <stackDir>
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const [parentArg, dir] = process.argv.slice(2);
const parentPid = Number(parentArg);
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};
const readPid = (file) => {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0].trim());
  return pid > 0 ? pid : undefined;
};
const kill = (pid, sig) => {
  if (!pid) return;
  try {
    process.kill(pid, sig);
  } catch {
    /* gone */
  }
};

function reap() {
  const stateFile = join(dir, 'stack.json');
  const info = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : undefined;
  kill(readPid(join(dir, 'pgbouncer', 'pgbouncer.pid')), 'SIGTERM');
  kill(readPid(join(dir, 'redis', 'redis.pid')), 'SIGTERM');
  for (const pid of Object.values(info?.apps ?? {})) kill(pid, 'SIGTERM');
  const pgData = join(dir, 'pg', 'data');
  if (existsSync(join(pgData, 'postmaster.pid'))) {
    const asRoot = process.getuid?.() === 0;
    const cmd = asRoot ? 'runuser' : join(PG_BIN, 'pg_ctl');
    const args = ['-D', pgData, '-m', 'immediate', '-w', 'stop'];
    spawnSync(cmd, asRoot ? ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), ...args] : args, { stdio: 'ignore' });
  }
  if (info && !info.persistent) rmSync(dir, { recursive: true, force: true });
}

process.on('SIGTERM', () => process.exit(0));
const timer = setInterval(() => {
  if (!alive(parentPid)) {
    clearInterval(timer);
    reap();
    process.exit(0);
  }
}, 500);
