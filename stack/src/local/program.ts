/**
 * The contract between the local stack runner (run.ts) and the local programs that stand in for docker-compose
 * images (programs.ts has the table, programs/ one file per program). A program turns one replica of a service — its
 * docker-compose definition, its container view (container.ts) and its environment — into a local process, the way
 * the image's entrypoint turns the container's command line into one.
 */
import type { ComposeProject, ServiceDef } from '../compose/index.js';
import type { ContainerView } from './container.js';

/** Stack-wide facts a program may need. */
export interface StackContext {
  repo: string;
  /** the stack directory (`.stack/` or a test's temp dir) */
  dir: string;
  project: ComposeProject;
  /** throwaway stack (tests): durability traded for speed, and test-only reachability (see pgbouncer) */
  ephemeral: boolean;
  /** every docker-compose service name (and alias) -> its address (a replica, or the service's VIP) */
  hosts: Record<string, string>;
  /** the unprivileged user servers run as when we are root (Postgres, pgbouncer and nginx refuse or mind root) */
  serviceUser: { uid: number; gid: number; name: string } | undefined;
  /** the local host port of each published container port: `traefik:443` -> 41234 */
  publishedPorts: Record<string, number>;
  /** the containers and labels Traefik's Docker provider would see (written for the gateway) */
  containersFile: string;
  /** local-only dynamic files for the gateway (the example course browser), if any */
  extraDynamicDir: string | undefined;
  log: (line: string) => void;
}

export interface ProgramContext {
  stack: StackContext;
  service: ServiceDef;
  view: ContainerView;
  /**
   * The container's environment (image defaults from the program, then docker-compose's `environment`), already
   * localized (container paths and the container's own loopback rewritten, see container.ts).
   */
  env: Record<string, string>;
}

/** How to start the replica's process. */
export interface ProcessSpec {
  command: string;
  args: string[];
  /** the process's whole environment (PATH included) */
  env: Record<string, string>;
  cwd: string;
  /** run as StackContext.serviceUser when we are root */
  asServiceUser?: boolean;
  /** the signal `docker stop` sends (the image's STOPSIGNAL unless docker-compose sets stop_signal) */
  stopSignal?: NodeJS.Signals;
}

export interface LocalProgram {
  /** what runs instead of the image, for the start-up listing and `.stack/stack.json` */
  description: string;
  /** files of the image itself, as local paths (container path -> local path) */
  imageMounts?(stack: StackContext, view: { runDir: string }): Record<string, string>;
  /** the image's own environment (Dockerfile ENV), under docker-compose's */
  imageEnv?(stack: StackContext): Record<string, string>;
  /** whether the program writes as the service user (its volumes and scratch directories are given to it) */
  asServiceUser?: boolean;
  /** PATH entries that provide the image's tools (healthchecks and overridden entrypoints use them) */
  toolPath?(ctx: ProgramContext): string[];
  /** first-start work before the process runs (initdb, rendered configuration files) */
  prepare?(ctx: ProgramContext): Promise<void>;
  process(ctx: ProgramContext): ProcessSpec | Promise<ProcessSpec>;
}

/** One row of the image -> local program table. */
export interface ProgramEntry {
  /** what the row matches, as written in the table (for messages and the README) */
  image: string;
  matches(service: ServiceDef, project: ComposeProject): boolean;
  program?: LocalProgram;
  /** why the service is not run locally (when there is no program) */
  notRun?: string;
}
