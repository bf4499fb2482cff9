#!/usr/bin/env node
// Stops a stack's processes when the process that started them is gone (crash, SIGKILL, closed terminal).
// Plain JavaScript with no dependencies: it must work even if node_modules is being replaced.
// Usage: reaper.mjs <parentPid> <stackDir>. It reads <stackDir>/stack.json (stack/src/local/state.ts).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [parentArg, dir] = process.argv.slice(2);
const parentPid = Number(parentArg);

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
};
// Every replica runs in its own process group (stack/src/local/replica.ts): signal the group.
const signal = (pid, sig) => {
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* gone */
    }
  }
};

function reap() {
  const file = join(dir, 'stack.json');
  const state = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  const pids = Object.values(state?.services ?? {}).flatMap((s) =>
    (s.replicas ?? []).map((r) => r.pid).filter(Boolean),
  );
  for (const pid of pids) signal(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  const wait = () => {
    const left = pids.filter(alive);
    if (left.length > 0 && Date.now() < deadline) return setTimeout(wait, 100);
    for (const pid of left) signal(pid, 'SIGKILL');
    if (state && state.ephemeral) rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  wait();
}

process.on('SIGTERM', () => process.exit(0));
const timer = setInterval(() => {
  if (!alive(parentPid)) {
    clearInterval(timer);
    reap();
  }
}, 500);
