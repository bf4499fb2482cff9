/**
 * traefik/: the static file (entrypoints, ACME, the file provider and the orchestrator's provider, ping, a dashboard
 * that is not public) and the script that renders it, run for real; the route table Traefik builds from the file
 * provider (traefik/dynamic) and the Docker/Swarm provider fed with docker-compose.yml's labels is the one of the
 * issue.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DynamicFileSchema, type DynamicConfig } from '../../src/config.js';
import { loadProviders } from '../../src/gateway.js';
import { compileRouters, selectRouter, type CompiledRouter } from '../../src/router.js';
import { parseRule, defaultPriority } from '../../src/rules.js';
import { ServiceRegistry } from '../../src/services.js';
import { loadStaticConfig } from '../../src/static-config.js';
import { REPO_ROOT } from '../helpers.js';
import {
  containersOf,
  loadProductionCompose,
  runEntrypoint,
  STATIC_TEMPLATE,
  traefikMounts,
} from '../production-config.js';

const project = loadProductionCompose();

interface Table {
  cfg: DynamicConfig;
  routers: CompiledRouter[];
  route: (entryPoint: string, path: string, headers?: Record<string, string>) => string;
}

/** The routing Traefik would have: the rendered static file, its providers, the containers of the compose file. */
async function routeTable(provider: 'docker' | 'swarm', replicas: Record<string, number> = {}): Promise<Table> {
  const run = runEntrypoint({ TRAEFIK_PROVIDER: provider });
  expect(run.status, run.stderr).toBe(0);
  const cfg = await loadProviders({
    staticConfig: loadStaticConfig(run.rendered),
    hostPath: traefikMounts(project),
    env: { ...project.service('traefik').environment, TRAEFIK_PROVIDER: provider },
    containers: containersOf(project, provider, replicas),
  });
  const routers = compileRouters(cfg, new ServiceRegistry(cfg, { log: () => undefined }));
  return {
    cfg,
    routers,
    route: (entryPoint, path, headers = {}) => {
      const r = selectRouter(routers, entryPoint, { host: 'catalog.example.edu', path, method: 'GET', headers });
      return r === undefined ? '404' : `${r.name} -> ${r.service.name}`;
    },
  };
}

const docker = await routeTable('docker');
const ADMIN_PATHS = [
  '/console',
  '/console/x',
  '/v1/metadata',
  '/v1/query',
  '/v2/query',
  '/v1/graphql/explain',
  '/v1/config',
  '/v1alpha1/config',
  '/v1alpha1/pg_dump',
  '/pgdump',
  '/dev/ekg',
];

describe('traefik/traefik.yml (static)', () => {
  it('declares the entrypoints, ACME from env, the file and orchestrator providers, ping, and no public dashboard', async () => {
    const s = parse(await readFile(STATIC_TEMPLATE, 'utf8')) as { providers: object };
    expect(s).toMatchObject({
      entryPoints: {
        web: { address: ':80', http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https' } } } },
        websecure: {
          address: ':443',
          http: { tls: { certResolver: 'le', domains: [{ main: '${PUBLIC_HOST}' }] } },
          forwardedHeaders: { insecure: false },
        },
        admin: { address: ':8443' },
      },
      certificatesResolvers: { le: { acme: { email: '${ACME_EMAIL}', storage: '${ACME_STORAGE}' } } },
      providers: {
        file: { directory: '/etc/traefik/dynamic', watch: true },
        '${TRAEFIK_PROVIDER}': {
          endpoint: 'tcp://docker-socket-proxy:2375',
          exposedByDefault: false,
          network: 'coursetable_edge',
        },
      },
      ping: { entryPoint: 'traefik' },
      api: { dashboard: true, insecure: false },
      accessLog: { fields: { headers: { defaultMode: 'drop' } } },
    });
    expect(Object.keys(s.providers)).toEqual(['file', '${TRAEFIK_PROVIDER}']);
  });

  it('points the provider at the socket proxy service and the edge network of docker-compose.yml', () => {
    expect(project.networks['edge']?.name).toBe('coursetable_edge');
    const proxy = project.service('docker-socket-proxy');
    expect(proxy.networks).toEqual(['docker-api']);
    expect(project.service('traefik').networks).toContain('docker-api');
    // the proxy listens on 2375 (its healthcheck probes it there)
    expect(proxy.healthcheck?.test.join(' ')).toContain('127.0.0.1:2375');
  });

  it('the entrypoint script renders every placeholder of the template', async () => {
    const tpl = await readFile(STATIC_TEMPLATE, 'utf8');
    const script = await readFile(`${REPO_ROOT}traefik/docker-entrypoint.sh`, 'utf8');
    const placeholders = new Set([...tpl.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]));
    expect([...placeholders].sort()).toEqual(['ACME_EMAIL', 'ACME_STORAGE', 'PUBLIC_HOST', 'TRAEFIK_PROVIDER']);
    for (const p of placeholders) expect(script).toContain(`s|\\\${${p}}|$${p}|g`);
  });
});

describe('traefik/docker-entrypoint.sh (run with /bin/sh)', () => {
  it('renders the template and execs traefik with the rendered file and its own arguments', () => {
    const run = runEntrypoint({}, ['--log.level=DEBUG']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`arg:--configFile=${run.rendered}\narg:--log.level=DEBUG\n`);
    const text = readFileSync(run.rendered, 'utf8');
    expect(text).not.toMatch(/\$\{[A-Z_]+\}/);
    const cfg = loadStaticConfig(run.rendered);
    expect(cfg.entryPoints['websecure']?.http?.tls?.domains).toEqual([{ main: 'catalog.example.edu' }]);
    expect(cfg.certificatesResolvers?.['le']).toMatchObject({
      acme: { email: 'ops@example.edu', storage: join(run.dir, 'letsencrypt', 'acme.json') },
    });
    expect(Object.keys(cfg.providers)).toEqual(['file', 'docker']);
    expect(cfg.providers.docker).toEqual({
      endpoint: 'tcp://docker-socket-proxy:2375',
      exposedByDefault: false,
      network: 'coursetable_edge',
      watch: true,
    });
    // the ACME storage directory is created, nothing is echoed
    expect(existsSync(join(run.dir, 'letsencrypt'))).toBe(true);
    expect(run.stderr).toBe('');
  });

  it('defaults to the docker provider and renders the swarm one when asked', () => {
    const dflt = runEntrypoint({ TRAEFIK_PROVIDER: undefined });
    expect(dflt.status, dflt.stderr).toBe(0);
    expect(Object.keys(loadStaticConfig(dflt.rendered).providers)).toEqual(['file', 'docker']);
    const swarm = runEntrypoint({ TRAEFIK_PROVIDER: 'swarm' });
    expect(swarm.status, swarm.stderr).toBe(0);
    expect(Object.keys(loadStaticConfig(swarm.rendered).providers)).toEqual(['file', 'swarm']);
  });

  it('refuses another provider with exit 64, before writing anything or starting traefik', () => {
    const run = runEntrypoint({ TRAEFIK_PROVIDER: 'other' });
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('TRAEFIK_PROVIDER must be docker or swarm');
    expect(run.stdout).toBe('');
    expect(existsSync(run.rendered)).toBe(false);
  });

  it('refuses the placeholder dashboard users file of .env.example with exit 64', () => {
    const base = runEntrypoint();
    const users = join(base.dir, 'placeholder-users');
    writeFileSync(users, 'admin:$2y$05$replace-with-a-bcrypt-hash\n');
    const run = runEntrypoint({ TRAEFIK_DASHBOARD_USERS_FILE: users });
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('placeholder');
    expect(run.stderr).not.toContain('$2y$');
    expect(run.stdout).toBe('');
  });

  it('refuses a missing host name and a setting that would break the sed expression', () => {
    const missing = runEntrypoint({ PUBLIC_HOST: undefined });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('PUBLIC_HOST');
    expect(runEntrypoint({ ACME_EMAIL: 'a|b@example.edu' }).status).toBe(64);
  });
});

describe('route table: file provider + Docker provider with the labels of docker-compose.yml', () => {
  it('every dynamic file passes the schema; unknown keys are refused', () => {
    expect(Object.keys(docker.cfg.routers).length).toBeGreaterThan(0);
    expect(docker.cfg.dropped).toEqual([]);
    const bad = DynamicFileSchema.safeParse({
      http: { routers: { x: { rule: 'Path(`/`)', service: 's', ruleSyntax: 'v2' } } },
    });
    expect(bad.success).toBe(false);
  });

  it('routes the public entrypoint as the issue says', () => {
    const { route } = docker;
    for (const p of ['/api', '/api/ping', '/api/auth/cas', '/api/graphiqlx']) {
      expect(route('websecure', p), p).toBe('api@docker -> api-or-maintenance@file');
    }
    for (const p of ['/api/graphiql', '/api/graphiql/', '/api/graphiql/assets/graphiql.min.js']) {
      expect(route('websecure', p), p).toBe('api-graphiql@docker -> api-or-maintenance@file');
    }
    expect(route('websecure', '/v1/graphql')).toBe('graphql@docker -> engine@docker');
    expect(route('websecure', '/v1/graphql', { upgrade: 'websocket' })).toBe('graphql-ws@docker -> engine@docker');
    for (const p of ADMIN_PATHS) expect(route('websecure', p), p).toBe('hasura-admin-deny@file -> noop@internal');
    for (const p of ['/', '/apiary', '/healthz', '/v1/version', '/v1/graphqlx', '/pgadmin', '/dashboard/']) {
      expect(route('websecure', p), p).toBe('404');
    }
  });

  it('refuses the engine-only API paths (/api/hasura: auth webhook, action handlers) on the public entrypoint', () => {
    const { route } = docker;
    const internal = ['/api/hasura', '/api/hasura/', '/api/hasura/auth', '/api/hasura/actions/saveSearch'];
    for (const p of internal) {
      expect(route('websecure', p), p).toBe('api-internal-deny@file -> noop@internal');
      expect(route('websecure', p, { upgrade: 'websocket' }), p).toBe('api-internal-deny@file -> noop@internal');
    }
    const deny = docker.routers.find((r) => r.name === 'api-internal-deny@file');
    expect(deny?.middlewareNames).toEqual(['security-headers@file', 'deny-all@file']);
    // above every router that could take /api (default priority = rule length), so no label can win over it
    const apiRouters = docker.routers.filter((r) => r.name.startsWith('api'));
    for (const r of apiRouters.filter((x) => x !== deny)) expect(deny?.priority, r.name).toBeGreaterThan(r.priority);
    // neighbours keep their routes
    for (const p of ['/api/hasurax', '/api/auth/hasura', '/api/ping']) {
      expect(route('websecure', p), p).toBe('api@docker -> api-or-maintenance@file');
    }
    // the admin entrypoint's /api is Traefik's own dashboard API, never ours
    expect(route('admin', '/api/hasura/auth')).toBe('admin-dashboard@file -> api@internal');
  });

  it('routes the admin entrypoint: the metadata API to the engine, pgAdmin, the dashboard, no console', () => {
    const { route } = docker;
    for (const p of ['/v1/metadata', '/v1/query', '/v2/query', '/v1/graphql', '/v1alpha1/config', '/healthz']) {
      expect(route('admin', p), p).toBe('admin-engine@docker -> engine@docker');
    }
    expect(route('admin', '/console')).toBe('404');
    expect(route('admin', '/console/assets/main.js')).toBe('404');
    expect(route('admin', '/pgadmin')).toBe('admin-pgadmin@file -> pgadmin@file');
    expect(route('admin', '/pgadmin/browser/')).toBe('admin-pgadmin@file -> pgadmin@file');
    expect(route('admin', '/dashboard/')).toBe('admin-dashboard@file -> api@internal');
    expect(route('admin', '/api/ping')).toBe('admin-dashboard@file -> api@internal');
  });

  it('with no API container, /api gets the maintenance page from the lowest-priority file router', async () => {
    const none = await routeTable('docker', { api: 0 });
    for (const p of ['/api', '/api/ping', '/api/graphiql']) {
      expect(none.route('websecure', p), p).toBe('api-maintenance@file -> maintenance@file');
    }
    expect(none.cfg.dropped).toEqual([
      'service api-or-maintenance@file left out: its service api@docker does not exist (no container declares it)',
    ]);
    // the rest of the table stays
    expect(none.route('websecure', '/v1/graphql')).toBe('graphql@docker -> engine@docker');
    expect(none.route('websecure', '/v1/metadata')).toBe('hasura-admin-deny@file -> noop@internal');
    expect(none.route('admin', '/v1/metadata')).toBe('admin-engine@docker -> engine@docker');
    // the fallback router only ever wins when `api` is gone
    const fallback = docker.routers.find((r) => r.name === 'api-maintenance@file');
    const api = docker.routers.find((r) => r.name === 'api@docker');
    expect(fallback?.priority).toBe(1);
    expect(api?.priority).toBeGreaterThan(1);
    expect(fallback?.middlewareNames).toEqual(['security-headers@file']);
  });

  it('the Swarm provider with deploy.labels gives the same table', async () => {
    const swarm = await routeTable('swarm');
    const norm = (t: Table): string[] =>
      t.routers.map((r) => `${r.name} ${r.service.name} ${r.middlewareNames.join(',')} ${r.priority}`);
    expect(norm(swarm).map((l) => l.replaceAll('@swarm', '@docker'))).toEqual(norm(docker));
    expect(swarm.route('websecure', '/api')).toBe('api@swarm -> api-or-maintenance@file');
    expect(swarm.cfg.services['api-or-maintenance@file']).toEqual({
      failover: { service: 'api@swarm', fallback: 'maintenance@file' },
    });
  });

  it('denies admin paths with the deny-all middleware, above every other router', () => {
    const deny = docker.routers.find((r) => r.name === 'hasura-admin-deny@file');
    expect(deny?.middlewareNames).toEqual(['security-headers@file', 'deny-all@file']);
    const others = docker.routers.filter((r) => !r.name.endsWith('-deny@file')).map((r) => r.priority);
    expect(deny?.priority).toBeGreaterThan(Math.max(...others));
    expect(docker.cfg.middlewares['deny-all@file']).toEqual({ ipAllowList: { sourceRange: ['192.0.2.1/32'] } });
  });

  it('puts security headers, compression and the size limit on the public HTTP routers', () => {
    const mws = (name: string): string[] | undefined => docker.routers.find((r) => r.name === name)?.middlewareNames;
    for (const name of ['api@docker', 'graphql@docker']) {
      expect(mws(name), name).toEqual(['security-headers@file', 'compress@file', 'request-limit@file']);
    }
    expect(mws('api-graphiql@docker')).toEqual(['graphiql-headers@file', 'compress@file', 'request-limit@file']);
    expect(mws('graphql-ws@docker')).toEqual(['security-headers@file']);
    expect(docker.cfg.middlewares['request-limit@file']).toMatchObject({ buffering: { maxRequestBodyBytes: 1048576 } });
    // GraphiQL keeps the API's own Content-Security-Policy; everything else gets the strict one
    const headers = (name: string): Record<string, unknown> => {
      const m = docker.cfg.middlewares[name];
      return m !== undefined && 'headers' in m ? m.headers : {};
    };
    expect(headers('security-headers@file')['contentSecurityPolicy']).toContain("default-src 'none'");
    expect(headers('graphiql-headers@file')['contentSecurityPolicy']).toBeUndefined();
    expect(headers('graphiql-headers@file')).toMatchObject({ frameDeny: true, stsSeconds: 63072000 });
  });

  it('one server per replica, each with the fast health check; the maintenance page as the failover', () => {
    const { cfg } = docker;
    expect(cfg.services['api-or-maintenance@file']).toEqual({
      failover: { service: 'api@docker', fallback: 'maintenance@file' },
    });
    const lb = (name: string) => {
      const s = cfg.services[name];
      return s !== undefined && 'loadBalancer' in s ? s.loadBalancer : undefined;
    };
    const at = (service: string, port: number): string[] => {
      const i = project.services.findIndex((s) => s.name === service);
      return Array.from({ length: project.service(service).replicas }, (_, r) => `http://10.0.${i}.${r + 1}:${port}`);
    };
    expect(project.service('api').replicas).toBe(2);
    expect(lb('api@docker')).toEqual({
      servers: at('api', 4096).map((url) => ({ url })),
      passHostHeader: true,
      serversTransport: 'api-transport@file',
      healthCheck: { path: '/api/ping', interval: '500ms', unhealthyInterval: '500ms', timeout: '2s' },
    });
    expect(lb('engine@docker')).toEqual({
      servers: at('graphql-engine', 8080).map((url) => ({ url })),
      passHostHeader: true,
      healthCheck: { path: '/healthz', interval: '3s', timeout: '2s' },
    });
    expect(cfg.serversTransports['api-transport@file']).toMatchObject({
      forwardingTimeouts: { responseHeaderTimeout: '30s' },
    });
    // single-replica services of the file provider, by compose service name and container port
    expect(lb('maintenance@file')?.servers).toEqual([{ url: 'http://under-maintenance:8080' }]);
    expect(lb('pgadmin@file')?.servers).toEqual([{ url: 'http://pgadmin:80' }]);
    expect(project.service('under-maintenance').replicas).toBe(1);
    const nginx = readFileSync(`${REPO_ROOT}under_maintenance/nginx.conf`, 'utf8');
    expect(nginx).toMatch(/listen 8080 default_server;/);
    // the containers Traefik does not route (no traefik.enable) contribute nothing
    const routed = new Set(Object.keys(cfg.origin).filter((k) => k.endsWith('@docker')));
    expect([...routed].sort()).toEqual([
      'routers.admin-engine@docker',
      'routers.api-graphiql@docker',
      'routers.api@docker',
      'routers.graphql-ferry@docker',
      'routers.graphql-ws@docker',
      'routers.graphql@docker',
      'services.api@docker',
      'services.engine@docker',
    ]);
  });

  it('keeps the admin routes on the admin entrypoint only', () => {
    for (const r of docker.routers) {
      expect(r.entryPoints, r.name).toBeDefined();
      if (r.name.startsWith('admin-')) expect(r.entryPoints, r.name).toEqual(['admin']);
      else expect(r.entryPoints, r.name).toEqual(['websecure']);
    }
  });
});

describe('rule parser', () => {
  it('implements &&, ||, !, parentheses and Traefik v3 matchers', () => {
    const m = parseRule('(Path(`/a`) || PathPrefix(`/b/`)) && !Header(`X-Test`, `1`) && Method(`GET`)');
    const facts = (path: string, headers: Record<string, string> = {}) => ({ host: 'h', path, method: 'GET', headers });
    expect(m(facts('/a'))).toBe(true);
    expect(m(facts('/b/c'))).toBe(true);
    expect(m(facts('/b'))).toBe(false);
    expect(m(facts('/a', { 'x-test': '1' }))).toBe(false);
    expect(parseRule('Host(`Example.org`)')({ host: 'example.org', path: '/', method: 'GET', headers: {} })).toBe(true);
    expect(defaultPriority('Path(`/api`)')).toBe(12);
  });

  it('rejects v2 syntax and unknown matchers', () => {
    expect(() => parseRule('Host(`a`, `b`)')).toThrow(/1 argument/);
    expect(() => parseRule('Path(`/{id}`)')).toThrow(/placeholders/);
    expect(() => parseRule('PathRegexp(`^/a`)')).toThrow(/unsupported/);
    expect(() => parseRule('Path(`/a`) &&')).toThrow();
  });
});
