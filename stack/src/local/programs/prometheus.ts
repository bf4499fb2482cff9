/**
 * The `prom/prometheus` image: Debian's prometheus (2.42; the image is 3.5, and the scrape configuration uses nothing
 * that differs) with docker-compose's command line and the mounted prometheus/prometheus.yml. That file finds its
 * targets through Docker's DNS, which does not exist here, so the local copy names the same targets by their local
 * addresses: an A lookup of a service name (`dns_sd_configs`, `api` or Swarm's `tasks.api`) becomes the list of the
 * service's replicas (docker-containers.json), and a `service:port` target the service's address. Everything else
 * (jobs, intervals, paths, credentials files) is the file's. It listens on the replica's address, port 9090, as the
 * image does in its container.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { LocalProgram, ProgramContext } from '../program.js';
import { composeArgv, processEnv } from './common.js';

const IMAGE = {
  entrypoint: ['/bin/prometheus'],
  cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'],
};
export const PROMETHEUS_PORT = 9090;
const CONFIG_FLAG = '--config.file=';
/** Flags whose values are URL paths, not file paths: `/prometheus` there is not the data volume. */
const URL_FLAGS = ['--web.route-prefix=', '--web.external-url='];

interface Replica {
  service: string;
  address: string;
}
interface ScrapeConfig {
  dns_sd_configs?: Array<{ names?: string[]; type?: string; port?: number }>;
  static_configs?: Array<{ targets?: string[] }>;
  [key: string]: unknown;
}

/** prometheus.yml as the local process must read it: Docker DNS names replaced by local addresses. */
export function localPrometheusConfig(text: string, ctx: ProgramContext, replicas: Replica[]): string {
  const doc = (parse(text) ?? {}) as { scrape_configs?: ScrapeConfig[] };
  const addressesOf = (name: string): string[] => {
    const service = name.replace(/^tasks\./, '');
    return replicas.filter((r) => r.service === service).map((r) => r.address);
  };
  const hostOf = (target: string): string => {
    const at = target.lastIndexOf(':');
    const host = at < 0 ? target : target.slice(0, at);
    return `${ctx.stack.hosts[host.toLowerCase()] ?? host}${at < 0 ? '' : target.slice(at)}`;
  };
  for (const job of doc.scrape_configs ?? []) {
    const statics = (job.static_configs ?? []).map((s) => ({ ...s, targets: (s.targets ?? []).map(hostOf) }));
    for (const sd of job.dns_sd_configs ?? []) {
      if ((sd.type ?? 'SRV') !== 'A' || sd.port === undefined) {
        throw new Error(`service ${ctx.service.name}: only A-record dns_sd_configs with a port can run locally`);
      }
      const port = sd.port;
      statics.push({ targets: (sd.names ?? []).flatMap(addressesOf).map((a) => `${a}:${port}`) });
    }
    delete job.dns_sd_configs;
    if (statics.length > 0) job.static_configs = statics;
  }
  return ctx.view.localize(stringify(doc));
}

const configPath = (argv: string[]): string =>
  (argv.find((a) => a.startsWith(CONFIG_FLAG)) ?? `${CONFIG_FLAG}/etc/prometheus/prometheus.yml`).slice(
    CONFIG_FLAG.length,
  );

export const prometheusProgram: LocalProgram = {
  description: "Debian's prometheus with docker-compose's flags and prometheus/prometheus.yml (Docker DNS made local)",
  prepare(ctx) {
    const source = ctx.view.hostPath(configPath(composeArgv(ctx, IMAGE)));
    const replicas = JSON.parse(readFileSync(ctx.stack.containersFile, 'utf8')) as Replica[];
    writeFileSync(
      join(ctx.view.runDir, 'prometheus.yml'),
      localPrometheusConfig(readFileSync(source, 'utf8'), ctx, replicas),
    );
    return Promise.resolve();
  },
  process(ctx: ProgramContext) {
    const flags = composeArgv(ctx, IMAGE).slice(1);
    const args = flags.map((f) => {
      if (f.startsWith(CONFIG_FLAG)) return `${CONFIG_FLAG}${join(ctx.view.runDir, 'prometheus.yml')}`;
      return URL_FLAGS.some((u) => f.startsWith(u)) ? f : ctx.view.localize(f);
    });
    if (!flags.some((f) => f.startsWith(CONFIG_FLAG)))
      args.push(`${CONFIG_FLAG}${join(ctx.view.runDir, 'prometheus.yml')}`);
    args.push(`--web.listen-address=${ctx.view.address}:${PROMETHEUS_PORT}`);
    return {
      command: '/usr/bin/prometheus',
      args,
      env: processEnv(ctx),
      cwd: ctx.view.runDir,
      stopSignal: 'SIGTERM',
    };
  },
};
