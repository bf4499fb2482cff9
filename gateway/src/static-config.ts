/**
 * The subset of Traefik v3's static configuration (traefik/traefik.yml, after traefik/docker-entrypoint.sh rendered
 * it) that this project uses: entrypoints, providers (file, docker, swarm), ping, Prometheus metrics, api, logs. Strict like the dynamic
 * schema: a key the gateway would ignore is an error, not a silent difference between production and local runs.
 * Reference: https://doc.traefik.io/traefik/reference/install-configuration/
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError, DurationSchema } from './config.js';

const EntryPointSchema = z.strictObject({
  address: z.string().regex(/^[^:]*:\d+$/, 'an address such as :443 or 127.0.0.1:8443'),
  http: z
    .strictObject({
      redirections: z
        .strictObject({
          entryPoint: z.strictObject({
            to: z.string().min(1),
            scheme: z.enum(['http', 'https']).optional(),
            permanent: z.boolean().optional(),
          }),
        })
        .optional(),
      tls: z
        .strictObject({
          certResolver: z.string().optional(),
          domains: z.array(z.strictObject({ main: z.string(), sans: z.array(z.string()).optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
  forwardedHeaders: z
    .strictObject({ insecure: z.boolean().optional(), trustedIPs: z.array(z.string()).optional() })
    .optional(),
  transport: z
    .strictObject({
      respondingTimeouts: z
        .strictObject({
          readTimeout: DurationSchema.optional(),
          writeTimeout: DurationSchema.optional(),
          idleTimeout: DurationSchema.optional(),
        })
        .optional(),
    })
    .optional(),
});
export type EntryPoint = z.infer<typeof EntryPointSchema>;

/** Options shared by the Docker and the Swarm provider (the ones we use). */
const DockerProviderSchema = z.strictObject({
  endpoint: z.string().optional(),
  exposedByDefault: z.boolean().optional(),
  network: z.string().optional(),
  watch: z.boolean().optional(),
  refreshSeconds: DurationSchema.optional(),
});
export type DockerProvider = z.infer<typeof DockerProviderSchema>;

export const StaticConfigSchema = z.strictObject({
  global: z
    .strictObject({ checkNewVersion: z.boolean().optional(), sendAnonymousUsage: z.boolean().optional() })
    .optional(),
  entryPoints: z.record(z.string(), EntryPointSchema),
  // Certificates are obtained by Traefik in production; locally the gateway terminates no TLS.
  certificatesResolvers: z.record(z.string(), z.unknown()).optional(),
  providers: z.strictObject({
    file: z.strictObject({ directory: z.string().min(1), watch: z.boolean().optional() }).optional(),
    docker: DockerProviderSchema.optional(),
    swarm: DockerProviderSchema.optional(),
  }),
  api: z.strictObject({ dashboard: z.boolean().optional(), insecure: z.boolean().optional() }).optional(),
  ping: z.strictObject({ entryPoint: z.string().min(1).optional() }).optional(),
  metrics: z
    .strictObject({
      prometheus: z.strictObject({
        entryPoint: z.string().min(1).optional(),
        buckets: z.array(z.number().positive()).optional(),
        addEntryPointsLabels: z.boolean().optional(),
        addServicesLabels: z.boolean().optional(),
      }),
    })
    .optional(),
  log: z.strictObject({ level: z.string().optional(), format: z.string().optional() }).optional(),
  accessLog: z.unknown().optional(),
});
export type StaticConfig = z.infer<typeof StaticConfigSchema>;

/** Parses and validates a static configuration file. */
export function loadStaticConfig(file: string): StaticConfig {
  const parsed = StaticConfigSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new ConfigError(`${file}: ${z.prettifyError(parsed.error)}`);
  const cfg = parsed.data;
  for (const [name, ep] of Object.entries(cfg.entryPoints)) {
    const to = ep.http?.redirections?.entryPoint.to;
    if (to !== undefined && !(to in cfg.entryPoints))
      throw new ConfigError(`entrypoint ${name}: unknown entrypoint ${to}`);
  }
  const ping = cfg.ping?.entryPoint ?? 'traefik';
  if (cfg.ping !== undefined && !(ping in cfg.entryPoints)) throw new ConfigError(`ping: unknown entrypoint ${ping}`);
  const metrics = metricsEntryPoint(cfg);
  if (metrics !== undefined && !(metrics in cfg.entryPoints))
    throw new ConfigError(`metrics.prometheus: unknown entrypoint ${metrics}`);
  if (cfg.providers.docker !== undefined && cfg.providers.swarm !== undefined) {
    throw new ConfigError('providers: docker and swarm at once (one orchestrator per deployment)');
  }
  return cfg;
}

/** The port of an entrypoint address (`:443` → 443). */
export function entryPointPort(ep: EntryPoint): number {
  return Number(ep.address.slice(ep.address.lastIndexOf(':') + 1));
}

/** The entrypoint Traefik serves `/ping` on (its default is `traefik`, port 8080). */
export function pingEntryPoint(cfg: StaticConfig): string | undefined {
  return cfg.ping === undefined ? undefined : (cfg.ping.entryPoint ?? 'traefik');
}

/** The entrypoint Traefik serves Prometheus' `/metrics` on (default `traefik`), if metrics are on. */
export function metricsEntryPoint(cfg: StaticConfig): string | undefined {
  return cfg.metrics === undefined ? undefined : (cfg.metrics.prometheus.entryPoint ?? 'traefik');
}
