/**
 * The servers under test run as child processes (one Node process each, so each has its own event loop and its
 * resident memory can be read from /proc apart from the load generator's). Output goes to a log file in the run's
 * temp dir; `ready` polls a URL until it answers.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { terminate, waitFor } from '../../stack/src/processes.js';
import { CHILD_ENV, type ChildConfig } from './child-config.js';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface Child {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  stop(): Promise<void>;
}

export interface ChildSpec {
  readonly name: string;
  /** Script path relative to the repository, run with `node --import tsx`. */
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
  readonly config?: ChildConfig;
  /** Base URL the server answers on. */
  readonly url: string;
  /** Resolves true once the server is ready (polled every 50 ms). */
  readonly ready: () => Promise<boolean>;
}

export async function startChild(spec: ChildSpec, logDir: string): Promise<Child> {
  const log = join(logDir, `${spec.name}.log`);
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, spec.entry), ...(spec.args ?? [])], {
    cwd: REPO,
    env: {
      ...process.env,
      ...spec.env,
      ...(spec.config ? { [CHILD_ENV]: JSON.stringify(spec.config) } : {}),
    },
    stdio: ['ignore', out, out],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${spec.name} did not start`);
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = (): Promise<void> => terminate(pid, 'SIGTERM', 10_000);
  try {
    await waitFor(spec.name, async () => exited || (await spec.ready()), 120_000);
  } catch (err) {
    await stop();
    throw err;
  }
  if (exited) throw new Error(`${spec.name} exited during start-up:\n${readFileSync(log, 'utf8').slice(-2000)}`);
  return { name: spec.name, pid, url: spec.url, stop };
}

/** Resolves true when `url` answers 2xx within a second. */
export async function answers(url: string, init?: RequestInit): Promise<boolean> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(1000) });
  return res.ok;
}
