/**
 * Traefik's Docker/Swarm labels (`traefik.http.routers.<name>.rule=…`) for the routers and loadBalancer services this
 * project declares on its docker-compose services. Option names are matched case-insensitively, as Traefik's label
 * parser does; element names keep their case. A label outside this subset is an error: Traefik would apply it and
 * the gateway would not. https://doc.traefik.io/traefik/reference/routing-configuration/other-providers/docker/
 */
import { ConfigError, type HealthCheck, type Router } from './config.js';

export interface LabelService {
  port?: number;
  scheme?: 'http' | 'https';
  passHostHeader?: boolean;
  serversTransport?: string;
  healthCheck?: HealthCheck;
}

export interface LabelConfig {
  /** `traefik.enable`; undefined when absent (the provider's exposedByDefault decides) */
  enable: boolean | undefined;
  routers: Record<string, Partial<Router>>;
  services: Record<string, LabelService>;
}

const bool = (v: string, key: string): boolean => {
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw new ConfigError(`label ${key}: expected true or false, got ${JSON.stringify(v)}`);
};
const int = (v: string, key: string): number => {
  if (!/^\d+$/.test(v)) throw new ConfigError(`label ${key}: expected an integer, got ${JSON.stringify(v)}`);
  return Number(v);
};
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Labels read by the provider itself that change nothing locally. */
const PROVIDER_LABELS = new Set(['traefik.docker.network', 'traefik.swarm.network']);

function routerOption(router: Partial<Router>, option: string, value: string, key: string): void {
  switch (option) {
    case 'rule':
      router.rule = value;
      return;
    case 'service':
      router.service = value;
      return;
    case 'entrypoints':
      router.entryPoints = list(value);
      return;
    case 'middlewares':
      router.middlewares = list(value);
      return;
    case 'priority':
      router.priority = int(value, key);
      return;
    case 'tls':
      if (bool(value, key)) router.tls = router.tls ?? {};
      return;
    case 'tls.certresolver':
      router.tls = { ...router.tls, certResolver: value };
      return;
    default:
      throw new ConfigError(`label ${key}: router option ${option} is not supported by the gateway`);
  }
}

function healthOption(hc: Partial<HealthCheck>, option: string, value: string, key: string): void {
  const header = /^headers\.(.+)$/.exec(option);
  if (header?.[1] !== undefined) {
    hc.headers = { ...hc.headers, [header[1]]: value };
    return;
  }
  switch (option) {
    case 'path':
      hc.path = value;
      return;
    case 'interval':
      hc.interval = value;
      return;
    case 'unhealthyinterval':
      hc.unhealthyInterval = value;
      return;
    case 'timeout':
      hc.timeout = value;
      return;
    case 'status':
      hc.status = int(value, key);
      return;
    case 'method':
      if (value.toUpperCase() !== 'GET' && value.toUpperCase() !== 'HEAD') {
        throw new ConfigError(`label ${key}: method must be GET or HEAD`);
      }
      hc.method = value.toUpperCase() as 'GET' | 'HEAD';
      return;
    default:
      throw new ConfigError(`label ${key}: health check option ${option} is not supported by the gateway`);
  }
}

function serviceOption(
  svc: LabelService & { hc?: Partial<HealthCheck> },
  option: string,
  value: string,
  key: string,
): void {
  if (option.startsWith('healthcheck.')) {
    svc.hc ??= {};
    healthOption(svc.hc, option.slice('healthcheck.'.length), value, key);
    return;
  }
  switch (option) {
    case 'server.port':
      svc.port = int(value, key);
      return;
    case 'server.scheme':
      if (value !== 'http' && value !== 'https') throw new ConfigError(`label ${key}: scheme must be http or https`);
      svc.scheme = value;
      return;
    case 'passhostheader':
      svc.passHostHeader = bool(value, key);
      return;
    case 'serverstransport':
      svc.serversTransport = value;
      return;
    default:
      throw new ConfigError(`label ${key}: loadBalancer option ${option} is not supported by the gateway`);
  }
}

/** Parses the `traefik.*` labels of one container (or Swarm service); other labels are ignored, as Traefik does. */
export function parseTraefikLabels(labels: Record<string, string>, where: string): LabelConfig {
  const out: LabelConfig = { enable: undefined, routers: {}, services: {} };
  const services: Record<string, LabelService & { hc?: Partial<HealthCheck> }> = {};
  for (const [key, value] of Object.entries(labels)) {
    const lower = key.toLowerCase();
    if (!lower.startsWith('traefik.')) continue;
    try {
      if (lower === 'traefik.enable') {
        out.enable = bool(value, key);
        continue;
      }
      if (PROVIDER_LABELS.has(lower)) continue;
      const router = /^traefik\.http\.routers\.([^.]+)\.(.+)$/i.exec(key);
      if (router?.[1] !== undefined && router[2] !== undefined) {
        const r = (out.routers[router[1]] ??= {});
        routerOption(r, router[2].toLowerCase(), value, key);
        continue;
      }
      const service = /^traefik\.http\.services\.([^.]+)\.loadbalancer\.(.+)$/i.exec(key);
      if (service?.[1] !== undefined && service[2] !== undefined) {
        serviceOption((services[service[1]] ??= {}), service[2].toLowerCase(), value, key);
        continue;
      }
      throw new ConfigError(`label ${key} is not supported by the gateway`);
    } catch (err) {
      if (err instanceof ConfigError) throw new ConfigError(`${where}: ${err.message}`);
      throw err;
    }
  }
  for (const [name, { hc, ...svc }] of Object.entries(services)) {
    if (hc !== undefined) {
      if (hc.path === undefined) throw new ConfigError(`${where}: service ${name}: a health check needs a path`);
      svc.healthCheck = { ...hc, path: hc.path };
    }
    out.services[name] = svc;
  }
  return out;
}
