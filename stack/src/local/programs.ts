/**
 * THE table of the local stack: which local program stands in for each docker-compose image. Everything else about
 * a service (command, environment, mounts, replicas, healthcheck, start order) comes from docker-compose.yml
 * unchanged; only the program behind the image is swapped. A service whose image has no local program is listed as
 * not run, with the reason (`npm start` prints it, `.stack/stack.json` records it).
 *
 * | image (or build)                  | local program                                                          |
 * |-----------------------------------|------------------------------------------------------------------------|
 * | hasura/graphql-engine             | engine/ (`engine serve` with the service's HASURA_GRAPHQL_* variables) |
 * | traefik                           | gateway/ as the `traefik` command, under traefik/docker-entrypoint.sh  |
 * | nginx                             | Debian's nginx with the mounted server blocks                          |
 * | postgres                          | Debian's Postgres 15, initialised as the image's entrypoint does       |
 * | redis                             | Debian's redis-server with the service's command line                  |
 * | build db/pgbouncer                | Debian's pgbouncer with db/pgbouncer's entrypoint.sh and .ini          |
 * | build api/Dockerfile (and its tag)| this Node running the Dockerfile's (or the service's) command          |
 * | dpage/pgadmin4                    | not run: no Debian package, no Python index reachable                  |
 * | tecnativa/docker-socket-proxy     | not run: no Docker API here; the gateway gets the containers directly  |
 * | prom/prometheus                   | Debian's prometheus with prometheus/prometheus.yml (DNS made local)     |
 */
import { resolve } from 'node:path';
import type { ComposeProject, ServiceDef } from '../compose/index.js';
import type { ProgramEntry } from './program.js';
import { engineProgram } from './programs/engine.js';
import { gatewayProgram } from './programs/gateway.js';
import { nginxProgram } from './programs/nginx.js';
import { nodeImageProgram } from './programs/node-image.js';
import { pgbouncerProgram } from './programs/pgbouncer.js';
import { postgresProgram } from './programs/postgres.js';
import { prometheusProgram } from './programs/prometheus.js';
import { redisProgram } from './programs/redis.js';

const imageIs =
  (name: string) =>
  (s: ServiceDef): boolean =>
    s.image !== undefined && (s.image === name || s.image.startsWith(`${name}:`) || s.image.startsWith(`${name}@`));

/**
 * A service built from `dockerfile` (relative to the repository), or one using the image such a service builds
 * (the `migrations` and `worker` services run the `api` service's image).
 */
const builtFrom =
  (repo: string, dockerfile: string) =>
  (s: ServiceDef, project: ComposeProject): boolean => {
    const file = resolve(repo, dockerfile);
    if (s.build?.dockerfile === file) return true;
    return project.services.some((b) => b.build?.dockerfile === file && b.image !== undefined && b.image === s.image);
  };

export function programTable(repo: string): ProgramEntry[] {
  return [
    { image: 'hasura/graphql-engine', matches: imageIs('hasura/graphql-engine'), program: engineProgram },
    { image: 'traefik', matches: imageIs('traefik'), program: gatewayProgram },
    { image: 'nginx', matches: imageIs('nginx'), program: nginxProgram },
    { image: 'postgres', matches: imageIs('postgres'), program: postgresProgram },
    { image: 'redis', matches: imageIs('redis'), program: redisProgram },
    { image: 'build db/pgbouncer', matches: builtFrom(repo, 'db/pgbouncer/Dockerfile'), program: pgbouncerProgram },
    {
      image: 'build api/Dockerfile',
      matches: builtFrom(repo, 'api/Dockerfile'),
      program: nodeImageProgram(resolve(repo, 'api/Dockerfile')),
    },
    {
      image: 'dpage/pgadmin4',
      matches: imageIs('dpage/pgadmin4'),
      notRun: 'pgAdmin is not packaged for Debian 12 and no Python package index is reachable; production only',
    },
    { image: 'prom/prometheus', matches: imageIs('prom/prometheus'), program: prometheusProgram },
    {
      image: 'tecnativa/docker-socket-proxy',
      matches: imageIs('tecnativa/docker-socket-proxy'),
      notRun: 'there is no Docker API here; the gateway reads the containers and their labels from the local stack',
    },
  ];
}

/** The table row for a service; a service no row matches cannot run locally (an error naming it). */
export function programFor(table: ProgramEntry[], service: ServiceDef, project: ComposeProject): ProgramEntry {
  const row = table.find((r) => r.matches(service, project));
  if (row === undefined) {
    throw new Error(
      `service ${service.name}: no local program for image ${service.image ?? '(build only)'}; ` +
        'add it to stack/src/local/programs.ts or mark it not run there',
    );
  }
  return row;
}
