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

export const MiddlewareSchema = z.union([
  z.strictObject({ headers: HeadersMiddlewareSchema }),
  z.strictObject({ compress: CompressMiddlewareSchema }),
  z.strictObject({ buffering: BufferingMiddlewareSchema }),
  z.strictObject({ ipAllowList: IpAllowListMiddlewareSchema }),
  z.strictObject({ basicAuth: BasicAuthMiddlewareSchema }),
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

/** The merged configuration of a directory. */
export interface DynamicConfig {
  routers: Record<string, Router>;
  services: Record<string, Service>;
  middlewares: Record<string, Middleware>;
  serversTransports: Record<string, ServersTransport>;
  /** file each name came from, for error messages */
  origin: Record<string, string>;
}

/** Strips the provider suffix Traefik allows on references (`compress@file` is `compress` from this provider). */
export function localName(ref: string): string {
  return ref.endsWith('@file') ? ref.slice(0, -'@file'.length) : ref;
}

/** `api@internal`, `noop@internal`: Traefik's built-in services, not defined in our files. */
export function isInternalService(ref: string): boolean {
  return ref.endsWith('@internal');
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads every `*.yml`/`*.yaml` in `dir` (not recursive, sorted), validates each against {@link DynamicFileSchema}
 * and merges them. A name defined twice is an error (Traefik's file provider reports it as a conflict and drops the
 * element, which would silently remove a route). References between routers, services and middlewares are checked.
 */
export async function loadDynamicConfig(dir: string): Promise<DynamicConfig> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new ConfigError(`no *.yml files in ${dir}`);
  const merged: DynamicConfig = { routers: {}, services: {}, middlewares: {}, serversTransports: {}, origin: {} };
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    const parsed = DynamicFileSchema.safeParse(parseYaml(text));
    if (!parsed.success) {
      throw new ConfigError(`${file}: ${z.prettifyError(parsed.error)}`);
    }
    const http = parsed.data.http;
    const sections = [
      ['routers', http.routers],
      ['services', http.services],
      ['middlewares', http.middlewares],
      ['serversTransports', http.serversTransports],
    ] as const;
    for (const [section, entries] of sections) {
      for (const [name, value] of Object.entries(entries ?? {})) {
        const key = `${section}.${name}`;
        const previous = merged.origin[key];
        if (previous !== undefined) throw new ConfigError(`${key} is defined in both ${previous} and ${file}`);
        merged.origin[key] = file;
        (merged[section] as Record<string, unknown>)[name] = value;
      }
    }
  }
  checkReferences(merged);
  return merged;
}

function checkReferences(cfg: DynamicConfig): void {
  const problems: string[] = [];
  const hasService = (ref: string): boolean => isInternalService(ref) || localName(ref) in cfg.services;
  for (const [name, r] of Object.entries(cfg.routers)) {
    if (!hasService(r.service)) problems.push(`router ${name}: unknown service ${r.service}`);
    for (const m of r.middlewares ?? []) {
      if (!(localName(m) in cfg.middlewares)) problems.push(`router ${name}: unknown middleware ${m}`);
    }
  }
  for (const [name, s] of Object.entries(cfg.services)) {
    if ('failover' in s) {
      for (const ref of [s.failover.service, s.failover.fallback]) {
        if (!(localName(ref) in cfg.services)) problems.push(`service ${name}: unknown service ${ref}`);
      }
    } else if (s.loadBalancer.serversTransport !== undefined) {
      const t = localName(s.loadBalancer.serversTransport);
      if (!(t in cfg.serversTransports)) problems.push(`service ${name}: unknown serversTransport ${t}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
}
