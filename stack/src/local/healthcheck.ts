/**
 * docker-compose healthchecks run locally, as Docker runs them inside the container: `CMD` execs its arguments,
 * `CMD-SHELL` runs `/bin/sh -c`, with the container's environment and the image's tools on PATH, as the process's
 * user, killed after `timeout`. Paths and the container's own loopback in the test are the replica's (container.ts
 * `inside`); a `CMD` argument that is a service name (or a URL with one) gets the service's address. Exit 0 is
 * healthy.
 */
import { spawn } from 'node:child_process';
import type { Healthcheck } from '../compose/index.js';
import type { ContainerView } from './container.js';
import { resolveHosts } from './programs/common.js';

export interface HealthRun {
  ok: boolean;
  output: string;
}

export function runHealthcheck(
  hc: Healthcheck,
  view: ContainerView,
  env: Record<string, string>,
  user: { uid: number; gid: number } | undefined,
  hosts: Record<string, string>,
): Promise<HealthRun> {
  const [kind, ...rest] = hc.test;
  // An argument naming a service (`pg_isready -h db`) gets its address: the tools resolve names themselves.
  const argv =
    kind === 'CMD-SHELL'
      ? ['/bin/sh', '-c', view.inside(rest[0] ?? '')]
      : rest.map((a, i) => (i === 0 ? view.inside(a) : resolveHosts(view.inside(a), hosts)));
  const [command, ...args] = argv;
  return new Promise((resolve) => {
    if (command === undefined) {
      resolve({ ok: false, output: 'empty healthcheck' });
      return;
    }
    let output = '';
    const child = spawn(command, args, {
      env,
      cwd: view.runDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    const keep = (d: Buffer): void => {
      if (output.length < 4096) output += d.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), hc.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ ok: false, output: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, output: output.trim() });
    });
  });
}
