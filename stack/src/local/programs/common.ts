/**
 * Pieces shared by the local programs: the process environment a container would have, name resolution for Node
 * (the hosts preload) and for everything else (names replaced by addresses), and running a container's command line
 * as written when docker-compose overrides the image's entrypoint.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProcessSpec, ProgramContext } from '../program.js';

export const PG_BIN = process.env['PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The environment of the replica's process: the container's (not the supervisor's: a container does not inherit the
 * host's variables), a PATH with the image's tools first, and what the local stand-ins need to know about the
 * container (its address, its mounts, the service names).
 */
export function processEnv(ctx: ProgramContext, toolPath: string[] = []): Record<string, string> {
  const preload = join(ctx.stack.repo, 'stack', 'runtime', 'hosts.mjs');
  const nodeOptions = [ctx.env['NODE_OPTIONS'], `--import=${preload}`].filter(Boolean).join(' ');
  return {
    LANG: 'C.UTF-8',
    HOME: join(ctx.view.runDir, 'home'),
    ...ctx.env,
    PATH: [...toolPath, dirname(process.execPath), ctx.env['PATH'] ?? SYSTEM_PATH].join(':'),
    NODE_OPTIONS: nodeOptions,
    COMPOSE_LOCAL_HOSTS: JSON.stringify(ctx.stack.hosts),
    COMPOSE_LOCAL_ADDRESS: ctx.view.address,
    COMPOSE_LOCAL_MOUNTS: JSON.stringify(Object.fromEntries(ctx.view.mounts.map((m) => [m.target, m.source]))),
  };
}

/**
 * For programs that resolve names themselves (libpq, pgbouncer, shells): a value that is a service name, or a URL
 * whose host is one, gets the service's address. Node programs keep the names (the preload resolves them).
 */
export function resolveHosts(value: string, hosts: Record<string, string>): string {
  const exact = hosts[value.toLowerCase()];
  if (exact !== undefined) return exact;
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?)([^:/?#@]+)/i, (all, prefix: string, host: string) => {
    const address = hosts[host.toLowerCase()];
    return address === undefined ? all : `${prefix}${address}`;
  });
}

/** `node` in a container's command line is this Node; an absolute container path is looked up through the mounts. */
export function localCommand(ctx: ProgramContext, command: string): string {
  if (command === 'node') return process.execPath;
  return ctx.view.localize(command);
}

/**
 * The container's command line as docker-compose writes it (`entrypoint` + `command`), run with the image's tools on
 * PATH: the traefik service's `/bin/sh /etc/traefik/docker-entrypoint.sh`, the backup service's `bash -c …`.
 */
export function execCommandLine(ctx: ProgramContext, argv: string[], toolPath: string[] = []): ProcessSpec {
  const [command, ...args] = argv;
  if (command === undefined) throw new Error(`service ${ctx.service.name}: empty command line`);
  const env = processEnv(ctx, toolPath);
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('COMPOSE_LOCAL_') && k !== 'NODE_OPTIONS') env[k] = resolveHosts(v, ctx.stack.hosts);
  }
  const workdir = ctx.service.workingDir === undefined ? ctx.view.runDir : ctx.view.hostPath(ctx.service.workingDir);
  return {
    command: localCommand(ctx, command),
    args: args.map((a) => ctx.view.localize(a)),
    env,
    cwd: existsSync(workdir) ? workdir : ctx.view.runDir,
  };
}

/** The argv docker would run: compose's entrypoint (which drops the image's CMD) or the image's, then the command. */
export function composeArgv(ctx: ProgramContext, image: { entrypoint: string[]; cmd: string[] }): string[] {
  const s = ctx.service;
  if (s.entrypoint !== undefined) return [...s.entrypoint, ...(s.command ?? [])];
  return [...image.entrypoint, ...(s.command ?? image.cmd)];
}
