/**
 * Traefik's Docker (and Swarm) provider, fed with the containers the local stack runs instead of the Docker API:
 * every container (Swarm: task) of a service whose labels define a loadBalancer service becomes one server of that
 * service, `http://<container address>:<server.port>`, so each replica has its own health check and failover, as
 * Traefik does with task IPs (not Swarm's VIP). Routers and services that several replicas declare identically are
 * merged; a conflict is an error (Traefik drops the element and logs it, which would silently remove a route).
 *
 * Traefik creates a default router (rule `Host(<container name>)`) for a container that declares services but no
 * router, and a default service for one that declares routers but no service; the gateway does not imitate either
 * and refuses such labels instead, so every route is written down.
 */
import { ConfigError, type DynamicFile, type HealthCheck, type Router } from './config.js';
import { parseTraefikLabels } from './labels.js';

/** What the Docker API reports about one running container (or Swarm task). */
export interface DockerContainer {
  /** docker-compose service name */
  service: string;
  /** 1-based replica number */
  replica: number;
  /** the container's address on the network Traefik shares with it */
  address: string;
  /** `labels` in docker compose; the service's `deploy.labels` under Swarm */
  labels: Record<string, string>;
}

export interface DockerProviderOptions {
  /** Traefik's default is true; ours is false (only `traefik.enable=true` containers are routed) */
  exposedByDefault: boolean;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The dynamic configuration the provider produces (names not yet qualified with `@docker`/`@swarm`). */
export function dockerProviderConfig(containers: DockerContainer[], opts: DockerProviderOptions): DynamicFile {
  const routers: Record<string, Router> = {};
  const services: Record<
    string,
    { servers: { url: string }[]; passHostHeader?: boolean; serversTransport?: string; healthCheck?: HealthCheck }
  > = {};
  for (const c of containers) {
    const where = `container ${c.service}-${c.replica}`;
    const parsed = parseTraefikLabels(c.labels, where);
    if (!(parsed.enable ?? opts.exposedByDefault)) continue;
    const serviceNames = Object.keys(parsed.services);
    if (serviceNames.length === 0) {
      throw new ConfigError(`${where}: no loadBalancer service in its labels (declare server.port)`);
    }
    if (Object.keys(parsed.routers).length === 0) {
      throw new ConfigError(`${where}: no router in its labels (Traefik would make a default Host rule)`);
    }
    for (const [name, r] of Object.entries(parsed.routers)) {
      let service = r.service;
      if (service === undefined) {
        if (serviceNames.length !== 1) throw new ConfigError(`${where}: router ${name} needs a service label`);
        service = serviceNames[0];
      }
      if (r.rule === undefined || service === undefined) throw new ConfigError(`${where}: router ${name} has no rule`);
      const router: Router = { ...r, rule: r.rule, service };
      const prev = routers[name];
      if (prev !== undefined && !same(prev, router)) {
        throw new ConfigError(`${where}: router ${name} differs from the one of another container`);
      }
      routers[name] = router;
    }
    for (const [name, s] of Object.entries(parsed.services)) {
      if (s.port === undefined) throw new ConfigError(`${where}: service ${name} needs server.port`);
      const { port, scheme, ...rest } = s;
      const prev = services[name];
      const { servers: prevServers = [], ...prevRest } = prev ?? {};
      if (prev !== undefined && !same(prevRest, rest)) {
        throw new ConfigError(`${where}: service ${name} differs from the one of another container`);
      }
      services[name] = { ...rest, servers: [...prevServers, { url: `${scheme ?? 'http'}://${c.address}:${port}` }] };
    }
  }
  return {
    http: {
      routers,
      services: Object.fromEntries(Object.entries(services).map(([n, lb]) => [n, { loadBalancer: lb }])),
    },
  };
}
