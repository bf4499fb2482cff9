/**
 * `.stack/stack.json` (or a test stack's): what runs, where, as which process. Written while the stack starts and
 * once it is ready; read by `npm run down`, the reaper (which stops the processes if the supervisor dies) and tests.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReplicaState {
  name: string;
  address: string;
  pid: number | undefined;
  state: string;
  exitCode: number | null;
}

export interface ServiceState {
  /** run | not run | external | not asked */
  status: string;
  /** the local program, or why the service is not run */
  note: string;
  replicas: ReplicaState[];
}

export interface StackState {
  version: 1;
  project: string;
  dir: string;
  ephemeral: boolean;
  ready: boolean;
  supervisorPid: number;
  /** the stack's 127.B.0.0/16 block */
  block: number;
  hosts: Record<string, string>;
  publishedPorts: Record<string, number>;
  services: Record<string, ServiceState>;
  /** what `npm start` prints (added by the caller) */
  urls?: Record<string, string>;
  [extra: string]: unknown;
}

export const stateFile = (dir: string): string => join(dir, 'stack.json');

/** Atomic write (mode 0600: it may name local secrets). Keeps the fields callers added (urls, passwords). */
export function writeState(dir: string, state: StackState): void {
  const file = stateFile(dir);
  const previous = readState(dir);
  const merged = { ...(previous ?? {}), ...state };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(merged, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function readState(dir: string): StackState | undefined {
  const file = stateFile(dir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StackState;
  } catch {
    return undefined;
  }
}

/** Every process the state names (for the reaper and `npm run down`). */
export function statePids(state: StackState): number[] {
  return Object.values(state.services).flatMap((s) => s.replicas.flatMap((r) => (r.pid === undefined ? [] : [r.pid])));
}
