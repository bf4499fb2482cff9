/**
 * loadCompose on the fixtures in fixtures/compose/: the normalized model of a small file (anchors, both
 * environment forms, short and long ports and volumes, both healthcheck forms, depends_on conditions, replicas from
 * a variable), a variant with a service added and one removed, and the errors a runner must stop on.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ComposeError, InterpolationError, loadCompose } from '../../src/compose/index.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/compose/', import.meta.url));
const BASIC = join(FIXTURES, 'basic');
const file = join(BASIC, 'docker-compose.yml');
const env = { DB_PASSWORD: 'pw', TAG: '1.2.3', API_REPLICAS: '3', FROM_HOST: 'host-value', API_KEY: 'k' };

describe('loadCompose: fixture', () => {
  const project = loadCompose({ file, env });

  it('reads the project: name, dir, services in file order, top-level resources', () => {
    expect(project.name).toBe('fixture');
    expect(project.dir).toBe(BASIC);
    expect(project.services.map((s) => s.name)).toEqual(['db', 'api', 'migrate']);
    expect(project.volumes).toEqual({ pgdata: { external: false } });
    expect(project.secrets).toEqual({ api_key: { environment: 'API_KEY', external: false } });
    expect(project.networks).toEqual({
      front: { internal: false, external: false, attachable: false, name: 'fixture_front' },
      back: { internal: true, external: false, attachable: false },
      default: { internal: false, external: false, attachable: false },
    });
    expect(project.raw['services']).toBeDefined();
    expect(project.warnings).toEqual([]);
  });

  it('db: merge keys (also nested), named volume + bind, string healthcheck, Go durations', () => {
    expect(project.service('db')).toEqual({
      name: 'db',
      image: 'postgres:15.18',
      environment: { LOG_LEVEL: 'info', SHARED: 'common', POSTGRES_PASSWORD: 'pw' },
      volumes: [
        { type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data', readOnly: false },
        { type: 'bind', source: join(BASIC, 'init'), target: '/docker-entrypoint-initdb.d', readOnly: true },
      ],
      tmpfs: [],
      ports: [],
      secrets: [],
      labels: { team: 'platform' },
      deployLabels: {},
      replicas: 1,
      healthcheck: {
        test: ['CMD-SHELL', 'pg_isready -U postgres'],
        intervalMs: 5000,
        timeoutMs: 3000,
        retries: 10,
        startPeriodMs: 90_000,
        startIntervalMs: 5000,
      },
      dependsOn: [],
      restart: 'unless-stopped',
      networks: ['default'],
      stopGracePeriodMs: 60_000,
      shmSize: '256m',
      profiles: [],
      raw: expect.any(Object) as unknown,
    });
  });

  it('api: build, split command, env list, ports short + long, long volumes, secrets, CMD healthcheck', () => {
    expect(project.service('api')).toEqual({
      name: 'api',
      image: 'example/api:1.2.3',
      build: { context: join(BASIC, 'api'), dockerfile: join(BASIC, 'api', 'Dockerfile'), args: {} },
      command: ['node', 'server.js', '--name', 'my api', 'a b'],
      environment: {
        NODE_ENV: 'production',
        FROM_HOST: 'host-value',
        DATABASE_URL: 'postgres://app:pw@db:5432/app',
        PRICE: '$5',
      },
      volumes: [
        { type: 'bind', source: join(BASIC, 'static'), target: '/app/static', readOnly: true },
        { type: 'volume', source: 'pgdata', target: '/data', readOnly: false },
      ],
      tmpfs: [],
      ports: [
        { published: 8080, target: 4096, protocol: 'tcp', mode: 'ingress' },
        { hostIp: '127.0.0.1', published: 9230, target: 9229, protocol: 'tcp', mode: 'ingress' },
      ],
      secrets: [
        { source: 'api_key', target: '/run/secrets/api_key' },
        { source: 'api_key', target: '/run/secrets/key.txt' },
      ],
      labels: { team: 'platform' },
      deployLabels: { 'traefik.enable': 'true' },
      replicas: 3,
      healthcheck: {
        test: ['CMD', 'wget', '-q', '-O-', 'http://127.0.0.1:4096/ping'],
        intervalMs: 2500,
        timeoutMs: 30_000,
        retries: 3,
        startPeriodMs: 0,
        startIntervalMs: 5000,
      },
      dependsOn: [
        { service: 'db', condition: 'service_healthy', required: true, restart: false },
        { service: 'migrate', condition: 'service_completed_successfully', required: true, restart: true },
      ],
      restart: 'unless-stopped',
      networks: ['front', 'back'],
      stopGracePeriodMs: 10_000,
      profiles: [],
      raw: expect.any(Object) as unknown,
    });
  });

  it('migrate: list entrypoint/command, list depends_on, on-failure:N, tmpfs string, map networks', () => {
    const m = project.service('migrate');
    expect(m.entrypoint).toEqual(['node']);
    expect(m.command).toEqual(['migrate.js', 'up']);
    expect(m.dependsOn).toEqual([{ service: 'db', condition: 'service_started', required: true, restart: false }]);
    expect(m.restart).toBe('on-failure');
    expect(m.restartMaxRetries).toBe(3);
    expect(m.tmpfs).toEqual(['/tmp']);
    expect(m.networks).toEqual(['back']);
    expect(m.healthcheck).toBeUndefined();
    expect(m.replicas).toBe(1);
  });

  it('with variables unset: defaults from the file, and a bare env KEY is omitted', () => {
    const p = loadCompose({ file, env: { ...env, API_REPLICAS: undefined, TAG: undefined, FROM_HOST: undefined } });
    expect(p.service('api').replicas).toBe(2);
    expect(p.service('api').image).toBe('example/api:dev');
    expect(p.service('api').environment).not.toHaveProperty('FROM_HOST');
    expect(p.service('api').environment).toHaveProperty('NODE_ENV', 'production');
  });

  it('raw is the interpolated document', () => {
    const raw = project.raw as { services: Record<string, { deploy?: { replicas?: unknown } }> };
    expect(raw.services['api']?.deploy?.replicas).toBe('3');
  });

  it('service() throws ComposeError for an unknown service', () => {
    expect(() => project.service('nope')).toThrow(ComposeError);
    expect(() => project.service('nope')).toThrow(/no service "nope"/);
  });

  it('a required variable unset anywhere stops the load, with the location', () => {
    expect(() => loadCompose({ file, env: { ...env, DB_PASSWORD: undefined } })).toThrow(InterpolationError);
    expect(() => loadCompose({ file, env: { ...env, DB_PASSWORD: undefined } })).toThrow(
      `${file}: error while interpolating services.db.environment.POSTGRES_PASSWORD: required variable DB_PASSWORD is missing a value: DB_PASSWORD is required`,
    );
  });
});

describe('loadCompose: variant', () => {
  const variant = loadCompose({ file: join(FIXTURES, 'variant', 'docker-compose.yml'), env });

  it('shows the added service and not the removed one; the project name comes from the directory', () => {
    expect(variant.name).toBe('variant');
    expect(variant.services.map((s) => s.name)).toEqual(['db', 'api', 'worker']);
    expect(() => variant.service('migrate')).toThrow(ComposeError);
    const worker = variant.service('worker');
    expect(worker.replicas).toBe(0);
    expect(worker.command).toEqual(['node', 'worker.js']);
    expect(worker.dependsOn.map((d) => d.service)).toEqual(['api', 'db']);
    expect(variant.service('db').healthcheck?.test).toEqual(['CMD-SHELL', 'pg_isready -U postgres']);
  });
});

describe('loadCompose: errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'compose-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (yaml: string, opts: { validate?: boolean; env?: Record<string, string> } = {}) => {
    const path = join(dir, 'docker-compose.yml');
    writeFileSync(path, yaml);
    return loadCompose({ file: path, env: opts.env ?? {}, validate: opts.validate ?? true });
  };

  it.each<[string, string, RegExp]>([
    ['duplicate keys', 'services:\n  a:\n    image: x\n    image: y\n', /invalid YAML[\s\S]*unique/],
    ['syntax error', 'services:\n  a: [unclosed\n', /invalid YAML/],
    [
      'unknown depends_on service',
      'services:\n  a:\n    image: x\n    depends_on: [b]\n',
      /services\.a\.depends_on: service "b" is not defined/,
    ],
    [
      'dependency cycle',
      'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [c]\n  c:\n    image: x\n    depends_on: [a]\n',
      /dependency cycle between services: a -> b -> c -> a/,
    ],
    [
      'undeclared named volume',
      'services:\n  a:\n    image: x\n    volumes: ["data:/data"]\n',
      /services\.a\.volumes\[0\]: named volume "data" is not declared/,
    ],
    [
      'undeclared secret',
      'services:\n  a:\n    image: x\n    secrets: [token]\n',
      /services\.a\.secrets\[0\]: secret "token" is not declared/,
    ],
    [
      'undeclared network',
      'services:\n  a:\n    image: x\n    networks: [edge]\n',
      /services\.a\.networks: network "edge" is not declared/,
    ],
    [
      'schema: misspelt healthcheck key',
      'services:\n  a:\n    image: x\n    healthcheck:\n      test: true\n      intervall: 1s\n',
      /compose specification[\s\S]*\/services\/a\/healthcheck: must NOT have additional properties \(intervall\)/,
    ],
    [
      'schema: unknown condition',
      'services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: whenever\n  b:\n    image: x\n',
      /\/services\/a\/depends_on\/b\/condition/,
    ],
    ['bad duration', 'services:\n  a:\n    image: x\n    stop_grace_period: 10 seconds\n', /stop_grace_period/],
    [
      'bad replicas',
      'services:\n  a:\n    image: x\n    deploy:\n      replicas: ${N:-two}\n',
      /services\.a\.deploy\.replicas: expected a non-negative integer, got "two"/,
    ],
    ['unterminated ${', 'services:\n  a:\n    image: x:${TAG\n', /invalid interpolation format for services\.a\.image/],
    [
      'shell operator in a string command',
      'services:\n  a:\n    image: x\n    command: run && exit\n',
      /services\.a\.command: shell operator "&"/,
    ],
  ])('%s', (_name, yaml, message) => {
    expect(() => load(yaml)).toThrow(ComposeError);
    expect(() => load(yaml)).toThrow(message);
  });

  it('validate: false skips the schema check but not the model checks', () => {
    const yaml = 'services:\n  a:\n    image: x\n    healthcheck:\n      test: true\n      intervall: 1s\n';
    expect(() => load(yaml)).toThrow(/compose specification/);
    expect(load(yaml, { validate: false }).service('a').image).toBe('x');
  });

  it('collects compose warnings for unset variables and optional missing dependencies', () => {
    const p = load(
      'services:\n  a:\n    image: x:${TAG}\n    labels: [v=$TAG]\n    depends_on:\n      gone:\n        condition: service_started\n        required: false\n',
    );
    expect(p.service('a').image).toBe('x:');
    expect(p.service('a').dependsOn).toEqual([]);
    expect(p.warnings).toEqual([
      'The "TAG" variable is not set. Defaulting to a blank string.',
      'service "a" depends on undefined service "gone" (optional, ignored)',
    ]);
  });

  it('a missing file is a ComposeError naming it', () => {
    expect(() => loadCompose({ file: join(dir, 'nope.yml'), env: {} })).toThrow(/nope\.yml: cannot read/);
  });
});
