/**
 * The subset of Traefik v3's dynamic configuration (file provider) that this project uses, as a zod schema, and a
 * loader that merges every `*.yml`/`*.yaml` file of a directory the way Traefik's file provider does.
 *
 * The objects are strict: a key the gateway does not implement is an error here rather than a silent difference
 * between production (Traefik) and local runs (the gateway). Reference:
 * https://doc.traefik.io/traefik/reference/routing-configuration/http/
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** Go duration ("500ms", "1s", "1m30s") or a number of seconds, as Traefik accepts. */
export const DurationSchema = z.union([
  z.number().nonnegative(),
  z.string().regex(/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/, 'a Go duration such as 500ms, 1s or 1m30s'),
]);
export type Duration = z.infer<typeof DurationSchema>;

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function durationMs(d: Duration): number {
  if (typeof d === 'number') return d * 1000;
  let total = 0;
  for (const m of d.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 1000);
  }
  return total;
}

export const RouterSchema = z.strictObject({
  rule: z.string().min(1),
  service: z.string().min(1),
  entryPoints: z.array(z.string().min(1)).min(1).optional(),
  middlewares: z.array(z.string().min(1)).optional(),
  priority: z.number().int().nonnegative().optional(),
  tls: z
    .strictObject({
      certResolver: z.string().optional(),
      domains: z.array(z.strictObject({ main: z.string(), sans: z.array(z.string()).optional() })).optional(),
    })
    .optional(),
});
export type Router = z.infer<typeof RouterSchema>;

export const HealthCheckSchema = z.strictObject({
  path: z.string().startsWith('/'),
  interval: DurationSchema.optional(),
  unhealthyInterval: DurationSchema.optional(),
  timeout: DurationSchema.optional(),
  status: z.number().int().min(100).max(599).optional(),
  method: z.enum(['GET', 'HEAD']).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});
export type HealthCheck = z.infer<typeof HealthCheckSchema>;

export const LoadBalancerSchema = z.strictObject({
  servers: z.array(z.strictObject({ url: z.url({ protocol: /^https?$/ }) })).min(1),
  healthCheck: HealthCheckSchema.optional(),
  passHostHeader: z.boolean().optional(),
  serversTransport: z.string().optional(),
});

export const FailoverSchema = z.strictObject({
  service: z.string().min(1),
  fallback: z.string().min(1),
  /** Present = propagate health to parent services (Traefik semantics); the gateway always knows the health. */
  healthCheck: z.strictObject({}).optional(),
});

export const ServiceSchema = z.union([
  z.strictObject({ loadBalancer: LoadBalancerSchema }),
  z.strictObject({ failover: FailoverSchema }),
]);
export type Service = z.infer<typeof ServiceSchema>;

export const HeadersMiddlewareSchema = z.strictObject({
  customRequestHeaders: z.record(z.string(), z.string()).optional(),
  customResponseHeaders: z.record(z.string(), z.string()).optional(),
  stsSeconds: z.number().int().nonnegative().optional(),
  stsIncludeSubdomains: z.boolean().optional(),
  stsPreload: z.boolean().optional(),
  forceSTSHeader: z.boolean().optional(),
  contentTypeNosniff: z.boolean().optional(),
  frameDeny: z.boolean().optional(),
  referrerPolicy: z.string().optional(),
  contentSecurityPolicy: z.string().optional(),
  permissionsPolicy: z.string().optional(),
});
export type HeadersMiddleware = z.infer<typeof HeadersMiddlewareSchema>;

export const CompressMiddlewareSchema = z.strictObject({
  minResponseBodyBytes: z.number().int().nonnegative().optional(),
  excludedContentTypes: z.array(z.string()).optional(),
});
export type CompressMiddleware = z.infer<typeof CompressMiddlewareSchema>;

export const BufferingMiddlewareSchema = z.strictObject({
  maxRequestBodyBytes: z.number().int().positive(),
  memRequestBodyBytes: z.number().int().positive().optional(),
});

export const IpAllowListMiddlewareSchema = z.strictObject({
  sourceRange: z.array(z.string().regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, 'an IP or CIDR')).min(1),
});

export const BasicAuthMiddlewareSchema = z.strictObject({
  usersFile: z.string().min(1),
  removeHeader: z.boolean().optional(),
  realm: z.string().optional(),
});

/** Traefik's replacePath: the whole path is replaced (the query is kept), the old one goes in X-Replaced-Path. */
export const ReplacePathMiddlewareSchema = z.strictObject({ path: z.string().startsWith('/') });

export const MiddlewareSchema = z.union([
  z.strictObject({ headers: HeadersMiddlewareSchema }),
  z.strictObject({ compress: CompressMiddlewareSchema }),
  z.strictObject({ buffering: BufferingMiddlewareSchema }),
  z.strictObject({ ipAllowList: IpAllowListMiddlewareSchema }),
  z.strictObject({ basicAuth: BasicAuthMiddlewareSchema }),
  z.strictObject({ replacePath: ReplacePathMiddlewareSchema }),
]);
export type Middleware = z.infer<typeof MiddlewareSchema>;

export const ServersTransportSchema = z.strictObject({
  forwardingTimeouts: z
    .strictObject({
      dialTimeout: DurationSchema.optional(),
      responseHeaderTimeout: DurationSchema.optional(),
      idleConnTimeout: DurationSchema.optional(),
    })
    .optional(),
});
export type ServersTransport = z.infer<typeof ServersTransportSchema>;

/** One dynamic configuration file. */
export const DynamicFileSchema = z.strictObject({
  http: z.strictObject({
    routers: z.record(z.string(), RouterSchema).optional(),
    services: z.record(z.string(), ServiceSchema).optional(),
    middlewares: z.record(z.string(), MiddlewareSchema).optional(),
    serversTransports: z.record(z.string(), ServersTransportSchema).optional(),
  }),
});
export type DynamicFile = z.infer<typeof DynamicFileSchema>;

/**
 * The merged configuration of every provider, keyed by qualified names (`api@docker`, `compress@file`), as Traefik
 * names them. Every reference inside (a router's service and middlewares, a failover's children, a loadBalancer's
 * serversTransport) is qualified too: a name without `@` refers to the referencing element's own provider.
 */
export interface DynamicConfig {
  routers: Record<string, Router>;
  services: Record<string, Service>;
  middlewares: Record<string, Middleware>;
  serversTransports: Record<string, ServersTransport>;
  /** where each element came from (`routers.api@docker` -> `container api-1`), for error messages */
  origin: Record<string, string>;
  /**
   * Elements left out because they refer to an element of a container provider that does not exist right now
   * (`api-or-maintenance@file` while no API container runs), with the reason, as Traefik leaves them out and logs it.
   */
  dropped: string[];
}

/** `compress` referenced from provider `file` is `compress@file`; a qualified reference stays as it is. */
export function qualify(ref: string, provider: string): string {
  return ref.includes('@') ? ref : `${ref}@${provider}`;
}

/** `api@internal`, `noop@internal`: Traefik's built-in services, not defined in our files. */
export function isInternalService(ref: string): boolean {
  return ref.endsWith('@internal');
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Traefik's file provider treats each file as a Go template (text/template with sprig). The gateway implements the
 * one function this project uses, `{{ env "NAME" }}`; any other action is an error rather than a silent difference.
 */
export function renderFileTemplate(text: string, env: Record<string, string | undefined>, file: string): string {
  return text.replace(/\{\{(.*?)\}\}/gs, (_all, inner: string) => {
    const m = /^\s*env\s+"([A-Za-z_][A-Za-z0-9_]*)"\s*$/.exec(inner);
    if (m?.[1] === undefined) throw new ConfigError(`${file}: unsupported template action {{${inner}}}`);
    return env[m[1]] ?? '';
  });
}

/** One provider's elements, unqualified, with where they came from. */
export interface ProviderConfig {
  provider: string;
  file: DynamicFile;
  origin: string;
}

/**
 * Reads every `*.yml`/`*.yaml` in `dir` (not recursive, sorted) as Traefik's file provider does: rendered as a
 * template, validated against {@link DynamicFileSchema}. Returns one ProviderConfig per file, for {@link mergeProviders}.
 */
export async function loadDynamicDir(
  dir: string,
  env: Record<string, string | undefined> = {},
): Promise<ProviderConfig[]> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new ConfigError(`no *.yml files in ${dir}`);
  const out: ProviderConfig[] = [];
  for (const file of files) {
    const text = renderFileTemplate(await readFile(join(dir, file), 'utf8'), env, file);
    const parsed = DynamicFileSchema.safeParse(parseYaml(text));
    if (!parsed.success) throw new ConfigError(`${file}: ${z.prettifyError(parsed.error)}`);
    out.push({ provider: 'file', file: parsed.data, origin: file });
  }
  return out;
}

/**
 * Merges providers into one qualified configuration. A name defined twice in one provider is an error (Traefik's
 * file provider reports the conflict and drops the element, which would silently remove a route); references are
 * checked across providers.
 */
export function mergeProviders(parts: ProviderConfig[]): DynamicConfig {
  const merged: DynamicConfig = {
    routers: {},
    services: {},
    middlewares: {},
    serversTransports: {},
    origin: {},
    dropped: [],
  };
  for (const { provider, file, origin } of parts) {
    const parsed = DynamicFileSchema.safeParse(file);
    if (!parsed.success) throw new ConfigError(`${origin}: ${z.prettifyError(parsed.error)}`);
    const http = parsed.data.http;
    const q = (ref: string): string => qualify(ref, provider);
    const put = <T>(section: keyof Omit<DynamicConfig, 'origin'>, name: string, value: T): void => {
      const key = `${section}.${q(name)}`;
      const previous = merged.origin[key];
      if (previous !== undefined) throw new ConfigError(`${key} is defined in both ${previous} and ${origin}`);
      merged.origin[key] = origin;
      (merged[section] as Record<string, T>)[q(name)] = value;
    };
    for (const [name, r] of Object.entries(http.routers ?? {})) {
      put('routers', name, { ...r, service: q(r.service), middlewares: r.middlewares?.map(q) });
    }
    for (const [name, s] of Object.entries(http.services ?? {})) {
      const service: Service =
        'failover' in s
          ? { failover: { ...s.failover, service: q(s.failover.service), fallback: q(s.failover.fallback) } }
          : {
              loadBalancer: {
                ...s.loadBalancer,
                serversTransport:
                  s.loadBalancer.serversTransport === undefined ? undefined : q(s.loadBalancer.serversTransport),
              },
            };
      put('services', name, service);
    }
    for (const [name, m] of Object.entries(http.middlewares ?? {})) put('middlewares', name, m);
    for (const [name, t] of Object.entries(http.serversTransports ?? {})) put('serversTransports', name, t);
  }
  checkReferences(merged, new Set(parts.map((p) => p.provider).filter((p) => CONTAINER_PROVIDERS.has(p))));
  return merged;
}

/** The file provider alone (tests, and the routing table of traefik/dynamic without containers). */
export async function loadDynamicConfig(
  dir: string,
  env: Record<string, string | undefined> = {},
  extra: ProviderConfig[] = [],
): Promise<DynamicConfig> {
  return mergeProviders([...(await loadDynamicDir(dir, env)), ...extra]);
}

/** Providers whose elements come and go with the containers (labels): Traefik's docker and swarm providers. */
const CONTAINER_PROVIDERS = new Set(['docker', 'swarm']);

const providerOf = (ref: string): string => ref.slice(ref.lastIndexOf('@') + 1);

/**
 * Every reference must resolve, with one exception: a reference into a container provider that is configured
 * (`api@docker`) may be missing, because its elements exist only while containers declare them (no API container
 * during a restore). Traefik then leaves the referring element out, and everything that refers to that one, and
 * logs it; so does the gateway (`dropped`). Any other unresolved reference (a typo in a file, a provider that is not
 * configured) is an error.
 */
function checkReferences(cfg: DynamicConfig, containerProviders: ReadonlySet<string>): void {
  const problems: string[] = [];
  const droppedServices = new Set<string>();
  /** `undefined` = fine; `drop` = a missing container element (or one left out); otherwise an error message. */
  const missing = (ref: string, what: string, exists: boolean): string | undefined => {
    if (exists) return undefined;
    return containerProviders.has(providerOf(ref)) || droppedServices.has(ref) ? 'drop' : `unknown ${what} ${ref}`;
  };
  const drop = (section: 'routers' | 'services', name: string, why: string): void => {
    cfg.dropped.push(`${section === 'routers' ? 'router' : 'service'} ${name} left out: ${why}`);
    if (section === 'services') droppedServices.add(name);
    delete cfg[section][name];
  };
  // Failovers first, until nothing changes: a dropped service may leave another failover without its child.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, s] of Object.entries(cfg.services)) {
      if (!('failover' in s)) continue;
      for (const ref of [s.failover.service, s.failover.fallback]) {
        const m = missing(ref, 'service', ref in cfg.services);
        if (m === 'drop') {
          const why = droppedServices.has(ref) ? 'was left out' : 'does not exist (no container declares it)';
          drop('services', name, `its service ${ref} ${why}`);
          changed = true;
          break;
        }
        if (m !== undefined) problems.push(`service ${name}: ${m}`);
      }
    }
    if (problems.length > 0) break;
  }
  for (const [name, s] of Object.entries(cfg.services)) {
    if ('loadBalancer' in s && s.loadBalancer.serversTransport !== undefined) {
      const t = s.loadBalancer.serversTransport;
      if (!(t in cfg.serversTransports)) problems.push(`service ${name}: unknown serversTransport ${t}`);
    }
  }
  for (const [name, r] of Object.entries(cfg.routers)) {
    const service = missing(r.service, 'service', isInternalService(r.service) || r.service in cfg.services);
    const middlewares = (r.middlewares ?? []).map((m) => [m, missing(m, 'middleware', m in cfg.middlewares)] as const);
    const errors = [service, ...middlewares.map(([, m]) => m)].filter((m) => m !== undefined && m !== 'drop');
    if (errors.length > 0) {
      for (const e of errors) problems.push(`router ${name}: ${e}`);
    } else if (service === 'drop') {
      const why = droppedServices.has(r.service) ? 'was left out' : 'does not exist';
      drop('routers', name, `its service ${r.service} ${why}`);
    } else {
      const gone = middlewares.find(([, m]) => m === 'drop');
      if (gone !== undefined) drop('routers', name, `its middleware ${gone[0]} does not exist`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}
