/**
 * traefik/: the static file has the entrypoints, ACME, file provider, ping and a dashboard that is not public; the
 * dynamic files pass the zod schema of the keys we use, and the route table they define is the one of issue 5.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DynamicFileSchema, loadDynamicConfig } from '../../src/config.js';
import { compileRouters, selectRouter } from '../../src/gateway.js';
import { parseRule, defaultPriority } from '../../src/rules.js';
import { ServiceRegistry } from '../../src/services.js';
import { DYNAMIC_DIR, REPO_ROOT } from '../helpers.js';

const cfg = await loadDynamicConfig(DYNAMIC_DIR);
const routers = compileRouters(cfg, new ServiceRegistry(cfg, { serviceMap: {}, log: () => {} }));

function route(entryPoint: string, path: string, headers: Record<string, string> = {}): string {
  const r = selectRouter(routers, entryPoint, { host: 'catalog.example.edu', path, method: 'GET', headers });
  return r === undefined ? '404' : `${r.name} -> ${r.service.name}`;
}

describe('traefik/traefik.yml (static)', () => {
  it('declares the entrypoints, ACME from env, the file provider, ping, and no public dashboard', async () => {
    const s = parse(await readFile(`${REPO_ROOT}traefik/traefik.yml`, 'utf8')) as unknown;
    expect(s).toMatchObject({
      entryPoints: {
        web: { address: ':80', http: { redirections: { entryPoint: { to: 'websecure', scheme: 'https' } } } },
        websecure: { address: ':443', http: { tls: { certResolver: 'le' } } },
        admin: { address: ':8443' },
      },
      certificatesResolvers: { le: { acme: { email: '${ACME_EMAIL}', storage: '${ACME_STORAGE}' } } },
      providers: { file: { directory: '/etc/traefik/dynamic', watch: true } },
      ping: { entryPoint: 'traefik' },
      api: { dashboard: true, insecure: false },
      accessLog: { fields: { headers: { defaultMode: 'drop' } } },
    });
    expect(Object.keys((s as { providers: object }).providers)).toEqual(['file']);
  });

  it('the entrypoint script renders every placeholder of the template', async () => {
    const tpl = await readFile(`${REPO_ROOT}traefik/traefik.yml`, 'utf8');
    const script = await readFile(`${REPO_ROOT}traefik/docker-entrypoint.sh`, 'utf8');
    const placeholders = new Set([...tpl.matchAll(/\$\{([A-Z_]+)\}/g)].map((m) => m[1]));
    expect([...placeholders].sort()).toEqual(['ACME_EMAIL', 'ACME_STORAGE', 'PUBLIC_HOST']);
    for (const p of placeholders) expect(script).toContain(`s|\\\${${p}}|$${p}|g`);
  });
});

describe('traefik/dynamic (routing shared with the gateway)', () => {
  it('every file passes the schema; unknown keys are refused', () => {
    expect(Object.keys(cfg.routers).length).toBeGreaterThan(0);
    const bad = DynamicFileSchema.safeParse({
      http: { routers: { x: { rule: 'Path(`/`)', service: 's', ruleSyntax: 'v2' } } },
    });
    expect(bad.success).toBe(false);
  });

  it('routes the public entrypoint as the issue says', () => {
    expect(route('websecure', '/api')).toBe('api -> api-or-maintenance');
    expect(route('websecure', '/api/ping')).toBe('api -> api-or-maintenance');
    expect(route('websecure', '/api/auth/cas')).toBe('api -> api-or-maintenance');
    expect(route('websecure', '/v1/graphql')).toBe('graphql -> engine');
    expect(route('websecure', '/v1/graphql', { upgrade: 'websocket' })).toBe('graphql-ws -> engine');
    for (const p of [
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
    ]) {
      expect(route('websecure', p), p).toBe('hasura-admin-deny -> noop@internal');
    }
    for (const p of ['/', '/apiary', '/healthz', '/v1/version', '/v1/graphqlx', '/pgadmin', '/dashboard/']) {
      expect(route('websecure', p), p).toBe('404');
    }
  });

  it('denies admin paths with the deny-all middleware, above every other router', () => {
    const deny = routers.find((r) => r.name === 'hasura-admin-deny');
    expect(deny?.middlewareNames).toContain('deny-all');
    expect(deny?.priority).toBeGreaterThan(Math.max(...routers.filter((r) => r !== deny).map((r) => r.priority)));
    expect(cfg.middlewares['deny-all']).toEqual({ ipAllowList: { sourceRange: ['192.0.2.1/32'] } });
  });

  it('puts security headers, compression and the size limit on the public HTTP routers', () => {
    for (const name of ['api', 'graphql']) {
      expect(routers.find((r) => r.name === name)?.middlewareNames).toEqual([
        'security-headers',
        'compress',
        'request-limit',
      ]);
    }
    expect(cfg.middlewares['request-limit']).toMatchObject({ buffering: { maxRequestBodyBytes: 1048576 } });
  });

  it('falls back from the API to the maintenance page on a fast health check', () => {
    expect(cfg.services['api-or-maintenance']).toEqual({ failover: { service: 'api', fallback: 'maintenance' } });
    const api = cfg.services['api'];
    expect(api && 'loadBalancer' in api ? api.loadBalancer.healthCheck : undefined).toMatchObject({
      path: '/api/ping',
      timeout: '1s',
      interval: '1s',
    });
    const urls = Object.values(cfg.services).flatMap((s) =>
      'loadBalancer' in s ? s.loadBalancer.servers.map((x) => x.url) : [],
    );
    expect(urls.sort()).toEqual([
      'http://api:4096',
      'http://graphql-engine:8080',
      'http://pgadmin:80',
      'http://under-maintenance:8080',
    ]);
  });

  it('keeps the admin routes on the admin entrypoint only', () => {
    for (const r of routers) {
      expect(r.entryPoints, r.name).toBeDefined();
      if (r.name.startsWith('admin-')) expect(r.entryPoints).toEqual(['admin']);
      else expect(r.entryPoints).toEqual(['websecure']);
    }
    expect(route('admin', '/console')).toBe('admin-engine -> engine');
    expect(route('admin', '/v1/metadata')).toBe('admin-engine -> engine');
    expect(route('admin', '/pgadmin/browser/')).toBe('admin-pgadmin -> pgadmin');
    expect(route('admin', '/dashboard/')).toBe('admin-dashboard -> api@internal');
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
