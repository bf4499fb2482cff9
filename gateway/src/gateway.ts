/**
 * The local gateway: Traefik's static configuration (entrypoints, providers, ping) and dynamic configuration (the
 * file provider's traefik/dynamic/*.yml and the Docker/Swarm provider's labels on the docker-compose services)
 * applied in Node, so that `npm start` and the tests go through the production routing. Local use only; production
 * runs Traefik with the same files and labels.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { loadDynamicDir, mergeProviders, ConfigError, type DynamicConfig, type ProviderConfig } from './config.js';
import { dockerProviderConfig, type DockerContainer } from './docker-provider.js';
import { createEntryPointServer, type Dispatch, type RedirectTo } from './entrypoint-server.js';
import { compileRouters } from './router.js';
import { ServiceRegistry, type ServiceNode } from './services.js';
import { entryPointPort, metricsEntryPoint, pingEntryPoint, type StaticConfig } from './static-config.js';
import { GatewayMetrics } from './metrics.js';

export interface GatewayOptions {
  /** Traefik's static configuration (traefik/traefik.yml as rendered by its entrypoint script) */
  staticConfig: StaticConfig;
  /**
   * Maps a path of Traefik's container (the file provider's directory, …) to a local path, as the container's
   * mounts do. Default: identity.
   */
  hostPath?: (containerPath: string) => string;
  /** Traefik's environment, for `{{ env "NAME" }}` in the dynamic files */
  env?: Record<string, string | undefined>;
  /** the running containers the Docker/Swarm provider would list */
  containers?: DockerContainer[];
  /**
   * Local listen address (`host:port`, port 0 = any free port) per entrypoint: the host ports docker-compose
   * publishes. An entrypoint not listed listens on `bindHost` with the port of its configured address.
   */
  listen?: Record<string, string>;
  /** the container's own address (default 127.0.0.1) */
  bindHost?: string;
  /** extra dynamic files of provider `file` that exist only locally (the example course browser) */
  extraDynamic?: ProviderConfig[];
  log?: (line: string) => void;
}

export interface Gateway {
  /** the `websecure` entrypoint's URL (the public one) */
  url: string;
  port: number;
  /** the `admin` entrypoint's URL when it exists */
  adminUrl: string | undefined;
  /** URL of every entrypoint by name */
  entryPoints: Record<string, string>;
  close(): Promise<void>;
}

/** The provider configurations Traefik would have: the file provider's directory and the orchestrator's labels. */
export async function loadProviders(opts: GatewayOptions): Promise<DynamicConfig> {
  const cfg = opts.staticConfig;
  const hostPath = opts.hostPath ?? ((p: string) => p);
  const parts: ProviderConfig[] = [];
  if (cfg.providers.file !== undefined) {
    parts.push(...(await loadDynamicDir(hostPath(cfg.providers.file.directory), opts.env ?? {})));
  }
  const orchestrator =
    cfg.providers.docker !== undefined ? 'docker' : cfg.providers.swarm !== undefined ? 'swarm' : undefined;
  if (orchestrator !== undefined) {
    const p = cfg.providers[orchestrator];
    parts.push({
      provider: orchestrator,
      file: dockerProviderConfig(opts.containers ?? [], { exposedByDefault: p?.exposedByDefault ?? true }),
      origin: `the ${orchestrator} provider`,
    });
  } else if ((opts.containers ?? []).length > 0) {
    throw new ConfigError('containers given but the static configuration has no docker or swarm provider');
  }
  parts.push(...(opts.extraDynamic ?? []));
  return mergeProviders(parts);
}

/** Where an entrypoint listens locally. */
function listenAddress(opts: GatewayOptions, name: string): { host: string; port: number } {
  const given = opts.listen?.[name];
  if (given !== undefined) {
    const i = given.lastIndexOf(':');
    return { host: given.slice(0, i), port: Number(given.slice(i + 1)) };
  }
  const ep = opts.staticConfig.entryPoints[name];
  if (ep === undefined) throw new ConfigError(`unknown entrypoint ${name}`);
  return { host: opts.bindHost ?? '127.0.0.1', port: entryPointPort(ep) };
}

function listenOn(server: http.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

interface BoundEntryPoints {
  readonly servers: http.Server[];
  /** URL of every entrypoint by name */
  readonly urls: Record<string, string>;
  readonly ports: Record<string, number>;
}

/**
 * Where a request on entrypoint `name` is redirected to, read when a request comes (once every entrypoint is bound).
 * No TLS locally: the redirect keeps http and points at the target entrypoint's local port.
 */
function redirection(opts: GatewayOptions, name: string, host: string, ports: Record<string, number>): RedirectTo {
  const to = opts.staticConfig.entryPoints[name]?.http?.redirections?.entryPoint.to;
  return (req) => {
    if (to === undefined) return undefined;
    const hostname = String(req.headers.host ?? host).replace(/:\d+$/, '');
    return `http://${hostname}:${ports[to] ?? 0}${req.url ?? '/'}`;
  };
}

/** Entrypoints first bound, then redirections resolved against the ports actually bound. */
async function bindEntryPoints(opts: GatewayOptions, d: Dispatch): Promise<BoundEntryPoints> {
  const bound: BoundEntryPoints = { servers: [], urls: {}, ports: {} };
  for (const name of Object.keys(opts.staticConfig.entryPoints)) {
    const { host, port } = listenAddress(opts, name);
    const server = createEntryPointServer(d, name, redirection(opts, name, host, bound.ports));
    try {
      bound.ports[name] = await listenOn(server, host, port);
    } catch (err) {
      await Promise.all(bound.servers.map(closeServer));
      throw new ConfigError(
        `entrypoint ${name}: cannot listen on ${host}:${port} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    bound.servers.push(server);
    bound.urls[name] = `http://${host.includes(':') ? `[${host}]` : host}:${bound.ports[name]}`;
  }
  return bound;
}

export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`[gateway] ${line}\n`));
  const cfg = await loadProviders(opts);
  for (const line of cfg.dropped) log(line);
  const metricsAt = metricsEntryPoint(opts.staticConfig);
  let metrics: GatewayMetrics | undefined;
  const registry = new ServiceRegistry(cfg, { log, onRetry: (service) => metrics?.retry(service) });
  if (metricsAt !== undefined) {
    metrics = new GatewayMetrics({
      buckets: opts.staticConfig.metrics?.prometheus.buckets,
      servers: () => registry.serverStates(),
    });
  }
  const routers = compileRouters(cfg, registry);
  registry.startHealthChecks();
  const d: Dispatch = {
    staticConfig: opts.staticConfig,
    routers,
    ping: pingEntryPoint(opts.staticConfig),
    metrics: metrics && metricsAt !== undefined ? { registry: metrics, entryPoint: metricsAt } : undefined,
    upgraded: new Set<Duplex>(),
    log,
  };
  const { servers, urls, ports } = await bindEntryPoints(opts, d);
  log(
    `entrypoints: ${Object.entries(urls)
      .map(([n, u]) => `${n} ${u}`)
      .join(', ')}`,
  );
  const websecure = urls['websecure'] ?? Object.values(urls)[0] ?? '';
  return {
    url: websecure,
    port: ports['websecure'] ?? 0,
    adminUrl: urls['admin'],
    entryPoints: urls,
    async close() {
      registry.stop();
      for (const s of d.upgraded) s.destroy();
      await Promise.all(servers.map(closeServer));
    },
  };
}

function closeServer(s: http.Server): Promise<void> {
  return new Promise((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

export type { ServiceNode };
