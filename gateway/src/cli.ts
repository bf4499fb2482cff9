/**
 * The gateway as the `traefik` command of the local stack (gateway/bin/traefik), so that traefik/docker-entrypoint.sh
 * runs unchanged and execs it:
 *
 *   traefik [--configFile=<file>]               serve (static configuration: <file>, default /etc/traefik/traefik.yml)
 *   traefik healthcheck [--configFile=<file>]   GET /ping on the ping entrypoint; exit 0 when it answers 200
 *   traefik version
 *
 * What Traefik would learn from Docker comes from the environment the local stack sets (stack/src/local):
 *   COMPOSE_LOCAL_MOUNTS   JSON {container path: local path}: the container's mounts (config files, secrets)
 *   COMPOSE_LOCAL_ADDRESS  this container's own address (entrypoints without a published port listen there)
 *   GATEWAY_CONTAINERS     a JSON file listing the running containers and their labels (the Docker API's answer)
 *   GATEWAY_LISTEN         JSON {entrypoint: "host:port"}: the host ports docker-compose publishes
 *   GATEWAY_EXTRA_DYNAMIC  a directory of local-only dynamic files (the example course browser's route)
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ConfigError } from './config.js';
import type { DockerContainer } from './docker-provider.js';
import { loadDynamicDir } from './config.js';
import { startGateway } from './gateway.js';
import { entryPointPort, loadStaticConfig, pingEntryPoint } from './static-config.js';

const USAGE = `Usage: traefik [healthcheck|version] [--configFile=<file>]
The local gateway standing in for Traefik v3 (what it implements: docs/design.md, "Gateway").
`;

/** Maps a container path through the mounts (longest mount target first), as the container's filesystem would. */
export function mountMapper(mounts: Record<string, string>): (p: string) => string {
  const targets = Object.keys(mounts).sort((a, b) => b.length - a.length);
  return (p) => {
    for (const t of targets) {
      if (p === t || p.startsWith(`${t}/`)) return `${mounts[t]}${p.slice(t.length)}`;
    }
    return p;
  };
}

const json = <T>(name: string, fallback: T): T => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new ConfigError(`${name} is not valid JSON`);
  }
};

function configFile(args: string[]): string {
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i] ?? '';
    const m = /^--configfile(?:=(.*))?$/i.exec(a);
    if (m) return m[1] ?? args[i + 1] ?? '';
  }
  return '/etc/traefik/traefik.yml';
}

async function serve(args: string[]): Promise<number> {
  const hostPath = mountMapper(json<Record<string, string>>('COMPOSE_LOCAL_MOUNTS', {}));
  // The file named on the command line is local already (the entrypoint script runs in the local filesystem).
  const staticConfig = loadStaticConfig(configFile(args));
  const containersFile = process.env['GATEWAY_CONTAINERS'];
  const containers =
    containersFile === undefined ? [] : (JSON.parse(readFileSync(containersFile, 'utf8')) as DockerContainer[]);
  const extraDir = process.env['GATEWAY_EXTRA_DYNAMIC'];
  const gw = await startGateway({
    staticConfig,
    hostPath,
    env: process.env,
    containers,
    listen: json<Record<string, string>>('GATEWAY_LISTEN', {}),
    bindHost: process.env['COMPOSE_LOCAL_ADDRESS'] ?? '127.0.0.1',
    extraDynamic: extraDir === undefined || extraDir === '' ? [] : await loadDynamicDir(extraDir, process.env),
    log: (line) => process.stderr.write(`${new Date().toISOString()} gateway: ${line}\n`),
  });
  return new Promise((resolve) => {
    const stop = (): void => {
      void gw.close().then(() => resolve(0));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

function healthcheck(args: string[]): Promise<number> {
  const cfg = loadStaticConfig(configFile(args));
  const ping = pingEntryPoint(cfg);
  if (ping === undefined) throw new ConfigError('ping is not enabled in the static configuration');
  const listen = json<Record<string, string>>('GATEWAY_LISTEN', {})[ping];
  const ep = cfg.entryPoints[ping];
  const target =
    listen ?? `${process.env['COMPOSE_LOCAL_ADDRESS'] ?? '127.0.0.1'}:${ep === undefined ? 8080 : entryPointPort(ep)}`;
  return new Promise((resolve) => {
    const req = http.get(`http://${target}/ping`, { timeout: 3000 }, (res) => {
      res.resume();
      process.stdout.write(res.statusCode === 200 ? 'OK: ping\n' : `Bad healthcheck status: ${res.statusCode}\n`);
      resolve(res.statusCode === 200 ? 0 : 1);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => {
      process.stdout.write(`Error calling healthcheck: ${e.message}\n`);
      resolve(1);
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === '--help' || first === '-h' || first === 'help') {
      process.stdout.write(USAGE);
      return 0;
    }
    if (first === 'version') {
      process.stdout.write('Version: gateway (a Traefik v3 subset, see gateway/)\n');
      return 0;
    }
    if (first === 'healthcheck') return await healthcheck(rest);
    return await serve(argv);
  } catch (err) {
    process.stderr.write(`gateway: ${err instanceof Error ? err.message : 'unknown error'}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
