/**
 * Override fragments merged after the file (compose's multi-file merge rules as this loader applies them):
 * environment by key, replicas override, ports/volumes/secrets unique, commands replaced, new services appended,
 * overrides interpolated like the file.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ComposeError, loadCompose, mergeCompose } from '../../src/compose/index.js';

const BASIC = fileURLToPath(new URL('./fixtures/compose/basic/', import.meta.url));
const file = join(BASIC, 'docker-compose.yml');
const env = { DB_PASSWORD: 'pw', TAG: '1.2.3', FROM_HOST: 'h', API_KEY: 'k' };

describe('loadCompose with overrides', () => {
  const project = loadCompose({
    file,
    env,
    overrides: [
      {
        services: {
          api: {
            environment: { NODE_ENV: 'development', EXTRA: 'tag-${TAG}' },
            deploy: { replicas: 1 },
            ports: ['8080:4096', '127.0.0.1:9000:9000'],
            command: ['node', '--inspect', 'server.js'],
            healthcheck: { test: ['CMD-SHELL', 'true'] },
            volumes: ['./other:/app/static'],
            labels: ['extra=1'],
          },
        },
      },
      {
        services: {
          api: { environment: ['EXTRA=second', 'FROM_HOST'] },
          cache: { image: 'redis:7.4.5', networks: ['back'] },
        },
      },
    ],
  });
  const api = project.service('api');

  it('merges environment by key (list and map forms), later overrides winning', () => {
    expect(api.environment).toEqual({
      NODE_ENV: 'development',
      FROM_HOST: 'h',
      DATABASE_URL: 'postgres://app:pw@db:5432/app',
      PRICE: '$5',
      EXTRA: 'second',
    });
  });

  it('overrides replicas', () => {
    expect(api.replicas).toBe(1);
  });

  it('unites ports: the same mapping once, new ones appended', () => {
    expect(api.ports).toEqual([
      { published: 8080, target: 4096, protocol: 'tcp', mode: 'ingress' },
      { hostIp: '127.0.0.1', published: 9230, target: 9229, protocol: 'tcp', mode: 'ingress' },
      { hostIp: '127.0.0.1', published: 9000, target: 9000, protocol: 'tcp', mode: 'ingress' },
    ]);
  });

  it('replaces command and healthcheck.test, keeping the other healthcheck settings', () => {
    expect(api.command).toEqual(['node', '--inspect', 'server.js']);
    expect(api.healthcheck?.test).toEqual(['CMD-SHELL', 'true']);
    expect(api.healthcheck?.intervalMs).toBe(2500);
  });

  it('merges volumes by target and labels by key', () => {
    expect(api.volumes.map((v) => [v.target, v.source])).toEqual([
      ['/app/static', join(BASIC, 'other')],
      ['/data', 'pgdata'],
    ]);
    expect(api.labels).toEqual({ team: 'platform', extra: '1' });
  });

  it('appends services added by an override, after the file order', () => {
    expect(project.services.map((s) => s.name)).toEqual(['db', 'api', 'migrate', 'cache']);
    expect(project.service('cache').networks).toEqual(['back']);
  });

  it('leaves the file alone when there are no overrides', () => {
    expect(loadCompose({ file, env }).service('api').replicas).toBe(2);
  });

  it('interpolates overrides too: a missing required variable names the override', () => {
    expect(() =>
      loadCompose({ file, env, overrides: [{ services: { api: { image: 'x:${OVERRIDE_TAG?set it}' } } }] }),
    ).toThrow(/override\[0\]: error while interpolating services\.api\.image: required variable OVERRIDE_TAG/);
  });

  it('validates the merged document', () => {
    expect(() =>
      loadCompose({ file, env, overrides: [{ services: { api: { healthcheck: { intervall: '1s' } } } }] }),
    ).toThrow(/intervall/);
    expect(() => loadCompose({ file, env, overrides: ['not a mapping'] })).toThrow(ComposeError);
  });
});

describe('mergeCompose', () => {
  it('unique secrets by target, depends_on list + map, build string + map, generic lists replaced', () => {
    const merged = mergeCompose(
      {
        services: {
          a: {
            secrets: ['s1', { source: 's2', target: 'two' }],
            depends_on: ['db'],
            build: './a',
            dns: ['1.1.1.1'],
            networks: ['front'],
          },
        },
      },
      {
        services: {
          a: {
            secrets: [{ source: 's1', target: '/run/secrets/s1', mode: 288 }, 's3'],
            depends_on: { cache: { condition: 'service_healthy' } },
            build: { dockerfile: 'Dockerfile.dev' },
            dns: ['8.8.8.8'],
            networks: ['back'],
          },
        },
      },
    );
    expect(merged).toEqual({
      services: {
        a: {
          secrets: [{ source: 's1', target: '/run/secrets/s1', mode: 288 }, { source: 's2', target: 'two' }, 's3'],
          depends_on: { db: null, cache: { condition: 'service_healthy' } },
          build: { context: './a', dockerfile: 'Dockerfile.dev' },
          dns: ['8.8.8.8'],
          networks: ['back'],
        },
      },
    });
  });

  it('does not modify its arguments', () => {
    const base = { services: { a: { environment: { A: '1' } } } };
    const copy = structuredClone(base);
    mergeCompose(base, { services: { a: { environment: { A: '2' } } } });
    expect(base).toEqual(copy);
  });
});
