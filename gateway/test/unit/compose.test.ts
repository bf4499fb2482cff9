/**
 * docker-compose.yml: valid against the compose-spec schema (the compose loader's validateCompose), and every
 * service follows the deployment rules written at the top of the file. Rules about the text (pinned images,
 * `${VAR?…}` secrets) read the file as written; rules about the result (networks, healthchecks, published ports)
 * read the model loadCompose builds with a complete environment.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ComposeError, validateCompose } from '../../../stack/src/compose/index.js';
import { COMPOSE_FILE, REPO_ROOT } from '../helpers.js';
import { loadProductionCompose } from '../production-config.js';

interface Service {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  environment?: Record<string, string> | string[];
  labels?: Record<string, string>;
  deploy?: { replicas?: number | string; labels?: Record<string, string> };
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  secrets?: Record<string, { environment?: string; file?: string }>;
}

const text = await readFile(COMPOSE_FILE, 'utf8');
/** the file as written (anchors and merge keys resolved, nothing interpolated) */
const written = parse(text, { merge: true }) as ComposeFile;
const project = loadProductionCompose();
const services = project.services.map((s) => [s.name, s] as const);
const ONE_SHOT = new Set(['migrations']);

/** Why an image reference is not pinned, or undefined. `ours`: built from this repository (tagged with the commit). */
function pinProblem(image: string | undefined, ours: boolean): string | undefined {
  if (image === undefined) return 'no image';
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon < 0 || colon < slash) return 'no tag';
  const tag = image.slice(colon + 1);
  if (tag === 'latest') return ':latest';
  if (ours) return /\$\{API_IMAGE_TAG\?/.test(tag) ? undefined : 'our images are tagged with ${API_IMAGE_TAG?…}';
  return /^v?\d+\.\d+/.test(tag) ? undefined : 'a full version (major.minor at least)';
}

const isOurs = (s: Service): boolean =>
  s.build !== undefined ||
  s.image?.startsWith('${API_IMAGE') === true ||
  s.image?.startsWith('${PGBOUNCER_IMAGE') === true;

describe('docker-compose.yml', () => {
  it('validates against the compose-spec schema, as written and interpolated', () => {
    expect(() => validateCompose(written, COMPOSE_FILE)).not.toThrow();
    // loadCompose validated the interpolated document too
    expect(project.services.length).toBeGreaterThan(0);
  });

  it('the schema check catches a broken file', () => {
    const broken = [
      { services: { x: { image: 'a:1', depends_on: { y: { condition: 'whenever' } } } } },
      { services: { x: { image: 'a:1', healthcheck: { intervall: '1s' } } } },
      { services: { x: { image: 'a:1', networks: { edge: { aliases: 'not-a-list' } } } } },
    ];
    for (const doc of broken) expect(() => validateCompose(doc, 'broken.yml')).toThrow(ComposeError);
  });

  it('has the services of the system, the socket proxy and the worker included', () => {
    expect(Object.keys(written.services).sort()).toEqual([
      'api',
      'backup',
      'db',
      'docker-socket-proxy',
      'graphql-engine',
      'migrations',
      'pgadmin',
      'pgbouncer',
      'prometheus',
      'redis',
      'traefik',
      'under-maintenance',
      'worker',
    ]);
  });

  it.each(Object.entries(written.services))(
    '%s: image pinned to a version (no latest, no floating major)',
    (name, s) => {
      expect(pinProblem(s.image, isOurs(s)), `${name}: ${s.image ?? ''}`).toBeUndefined();
    },
  );

  it('the pin rule refuses :latest, a missing tag, a bare major and an untagged image of ours', () => {
    expect(pinProblem('redis:latest', false)).toBe(':latest');
    expect(pinProblem('nginx', false)).toBe('no tag');
    expect(pinProblem('registry:5000/nginx', false)).toBe('no tag');
    expect(pinProblem('postgres:15', false)).toMatch(/full version/);
    expect(pinProblem('postgres:15.18-bookworm', false)).toBeUndefined();
    expect(pinProblem('${API_IMAGE:-coursetable/api}:latest', true)).toBe(':latest');
    expect(pinProblem('${API_IMAGE:-coursetable/api}:main', true)).toMatch(/API_IMAGE_TAG/);
  });

  it.each(services.filter(([n]) => !ONE_SHOT.has(n)))('%s: long-running, has a healthcheck', (_name, s) => {
    expect(s.healthcheck?.test.length).toBeGreaterThan(1);
  });

  it('only traefik publishes host ports, and its admin entrypoint only on 127.0.0.1', () => {
    for (const [name, s] of Object.entries(written.services)) {
      if (name !== 'traefik') expect(s.ports, name).toBeUndefined();
    }
    expect((written.services['traefik']?.ports ?? []).map(String)).toEqual(['80:80', '443:443', '127.0.0.1:8443:8443']);
    const published = project
      .service('traefik')
      .ports.map((p) => `${p.hostIp ?? '*'} ${p.published ?? ''}->${p.target}`);
    expect(published).toEqual(['* 80->80', '* 443->443', '127.0.0.1 8443->8443']);
  });

  it('networks: edge (attachable, coursetable_edge), egress, and internal app, sessions, data and docker-api', () => {
    expect(project.networks).toEqual({
      edge: { name: 'coursetable_edge', attachable: true, internal: false, external: false },
      egress: { attachable: false, internal: false, external: false },
      app: { attachable: false, internal: true, external: false },
      sessions: { attachable: false, internal: true, external: false },
      data: { attachable: false, internal: true, external: false },
      'docker-api': { attachable: false, internal: true, external: false },
    });
  });

  it('keeps the database off the public network and the Docker API behind the proxy', () => {
    const nets = (name: string): string[] => project.service(name).networks;
    const on = (network: string): string[] =>
      services
        .filter(([, s]) => s.networks.includes(network))
        .map(([n]) => n)
        .sort();
    expect(nets('db')).toEqual(['data']);
    expect(nets('redis')).toEqual(['sessions']);
    expect(nets('pgbouncer')).not.toContain('edge');
    expect(nets('traefik')).toEqual(['edge', 'docker-api']);
    expect(nets('docker-socket-proxy')).toEqual(['docker-api']);
    expect(on('data')).toEqual(['backup', 'db', 'graphql-engine', 'migrations', 'pgbouncer']);
    expect(on('docker-api')).toEqual(['docker-socket-proxy', 'traefik']);
    // outbound mail: the worker only
    expect(on('egress')).toEqual(['worker']);
    expect(on('edge')).toEqual(['api', 'graphql-engine', 'pgadmin', 'prometheus', 'traefik', 'under-maintenance']);
  });

  it("pgAdmin's network cannot reach Redis: only the API and the worker share a network with it", () => {
    const nets = (name: string): string[] => project.service(name).networks;
    expect(nets('pgadmin').filter((n) => nets('redis').includes(n))).toEqual([]);
    const reach = services
      .filter(([n, s]) => n !== 'redis' && s.networks.some((x) => nets('redis').includes(x)))
      .map(([n]) => n)
      .sort();
    expect(reach).toEqual(['api', 'worker']);
  });

  it('Redis requires the password of the redis_password secret; the API and worker URL carries it', () => {
    const redis = project.service('redis');
    expect(redis.secrets.map((s) => s.source)).toEqual(['redis_password']);
    expect(written.secrets?.['redis_password']).toEqual({ environment: 'REDIS_PASSWORD' });
    // the password reaches redis-server through its entrypoint, never on a command line
    expect(redis.entrypoint).toEqual(['/bin/sh', '/etc/redis/entrypoint.sh']);
    expect(redis.volumes.map((v) => `${v.source ?? ''}:${v.target}`)).toContain(
      `${REPO_ROOT}redis/entrypoint.sh:/etc/redis/entrypoint.sh`,
    );
    expect(JSON.stringify(redis.command)).not.toMatch(/requirepass|REDIS_PASSWORD/);
    expect(redis.healthcheck?.test.join(' ')).toContain('REDISCLI_AUTH=');
    expect(text).toMatch(/REDIS_URL: redis:\/\/default:\$\{REDIS_PASSWORD\?[^}]+\}@redis:6379\/0/);
    for (const name of ['api', 'worker']) {
      expect(project.service(name).environment['REDIS_URL'], name).toMatch(/^redis:\/\/default:[^@]+@redis:6379\/0$/);
    }
  });

  it('only the socket proxy mounts the Docker socket, read-only, and it allows no POST', () => {
    for (const [name, s] of services) {
      const socket = s.volumes.filter((v) => v.source === '/var/run/docker.sock');
      if (name === 'docker-socket-proxy') {
        expect(socket).toEqual([
          { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true },
        ]);
      } else {
        expect(socket, name).toEqual([]);
      }
    }
    expect(project.service('docker-socket-proxy').environment).toMatchObject({ POST: '0', CONTAINERS: '1' });
  });

  it('routes only the API and the engine through labels, the same for docker (labels) and swarm (deploy.labels)', () => {
    for (const [name, s] of services) {
      const routed = s.labels['traefik.enable'] === 'true';
      expect(routed, name).toBe(['api', 'graphql-engine'].includes(name));
      expect(s.deployLabels, name).toEqual(routed ? s.labels : {});
      if (routed) expect(s.networks, name).toContain('edge');
    }
    expect(written.services['api']?.labels).toEqual(written.services['api']?.deploy?.labels);
    expect(project.service('traefik').environment['TRAEFIK_PROVIDER']).toBe('docker');
    expect(text).toMatch(/TRAEFIK_PROVIDER: \$\{TRAEFIK_PROVIDER:-docker\}/);
  });

  it('waits for healthy dependencies', () => {
    for (const [name, s] of services) {
      for (const d of s.dependsOn) {
        const want = ONE_SHOT.has(d.service) ? 'service_completed_successfully' : 'service_healthy';
        expect(d.condition, `${name} -> ${d.service}`).toBe(want);
      }
    }
    const deps = (name: string): string[] => project.service(name).dependsOn.map((d) => d.service);
    expect(deps('api')).toEqual(expect.arrayContaining(['migrations', 'pgbouncer', 'redis']));
    expect(deps('worker')).toEqual(expect.arrayContaining(['migrations', 'pgbouncer', 'redis']));
    expect(deps('graphql-engine')).toEqual(expect.arrayContaining(['migrations', 'pgbouncer']));
    expect(deps('traefik')).toEqual(expect.arrayContaining(['under-maintenance', 'docker-socket-proxy']));
  });

  it('restarts every long-running service after a crash or a reboot; one-shots run once', () => {
    for (const [name, s] of services) {
      expect(s.restart, name).toBe(ONE_SHOT.has(name) ? 'no' : 'unless-stopped');
    }
  });

  it('rotates logs of every service', () => {
    for (const [name, s] of services) {
      expect(s.raw['logging'], name).toEqual({ driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
    }
  });

  it('takes every secret from the environment as ${VAR?message}, with no literal', () => {
    // names ending in the secret's kind (PASSWORD_RESET_TTL_S is a duration)
    const secretKey = /(PASSWORD|SECRET|_KEY|TOKEN|USERS)$/;
    const optional = new Set(['OIDC_CLIENT_SECRET', 'ADMIN_SECRET', 'CATALOG_REFRESH_SECRET']);
    let checked = 0;
    for (const [name, s] of Object.entries(written.services)) {
      const env = Array.isArray(s.environment) ? {} : (s.environment ?? {});
      for (const [k, v] of Object.entries(env)) {
        if (k.endsWith('_FILE') || k === 'CT_SECRETS_DIR') continue;
        if (secretKey.test(k)) {
          checked += 1;
          expect(v, `${name}.${k}`).toMatch(optional.has(k) ? /^\$\{[A-Z_]+(\?[^}]+|:-)\}$/ : /^\$\{[A-Z_]+\?[^}]+\}$/);
        }
        // URLs carrying a password interpolate it
        if (/:\/\/[^/]*:[^@]*@/.test(String(v))) {
          expect(String(v), `${name}.${k}`).toMatch(/:\/\/[a-z_]+:\$\{[A-Z_]+\?[^}]+\}@/);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    for (const [name, sec] of Object.entries(written.secrets ?? {})) {
      expect(sec.environment ?? sec.file, name).toBeDefined();
    }
    // no long random-looking literal anywhere in the file
    expect(text).not.toMatch(/[:=]\s*['"]?[A-Za-z0-9+/_-]{32,}['"]?\s*$/m);
  });

  it('configures Hasura as issue 5 asks, with the console off', () => {
    const engine = written.services['graphql-engine'];
    expect(engine?.image).toMatch(/^hasura\/graphql-engine:v2\.48\.\d+\.cli-migrations-v3$/);
    const env = engine?.environment as Record<string, string>;
    expect(env['HASURA_GRAPHQL_AUTH_HOOK']).toBe('http://api:4096/api/hasura/auth');
    expect(env['HASURA_GRAPHQL_ADMIN_SECRET']).toMatch(/^\$\{HASURA_GRAPHQL_ADMIN_SECRET\?/);
    expect(env['HASURA_GRAPHQL_ENABLE_CONSOLE']).toBe('false');
    expect(env['HASURA_GRAPHQL_USE_PREPARED_STATEMENTS']).toBe('false');
    expect(env['HASURA_GRAPHQL_ENABLED_APIS']?.split(',')).toEqual(['graphql', 'metadata']);
    expect(env['HASURA_GRAPHQL_DATABASE_URL']).toContain('@pgbouncer:6432/');
    expect(engine?.volumes).toContain('./hasura/metadata:/hasura-metadata:ro');
    expect(Object.values(engine?.labels ?? {}).join('\n')).not.toContain('/console');
  });

  it('runs Redis with AOF, Traefik v3, Swarm replicas for api and engine, and one worker', () => {
    expect(project.service('redis').command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(project.service('traefik').image).toMatch(/^traefik:v3\.\d+\.\d+$/);
    expect(written.services['api']?.deploy?.replicas).toBe('${API_REPLICAS:-2}');
    expect(written.services['graphql-engine']?.deploy?.replicas).toBe('${ENGINE_REPLICAS:-2}');
    expect(project.service('api').replicas).toBe(2);
    expect(project.service('worker').replicas).toBe(1);
    expect(project.service('worker').image).toBe(project.service('api').image);
    expect(project.service('worker').labels).toEqual({});
    expect(project.service('migrations').restart).toBe('no');
  });

  it('.env.example lists every variable the compose file uses, with a comment, and placeholders only', async () => {
    const example = await readFile(`${REPO_ROOT}.env.example`, 'utf8');
    const code = text
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    const used = new Set([...code.matchAll(/\$\{([A-Z_][A-Z0-9_]*)[?:}-]/g)].map((m) => m[1] ?? ''));
    for (const sec of Object.values(written.secrets ?? {})) if (sec.environment) used.add(sec.environment);
    const lines = example.split('\n');
    for (const v of used) {
      const i = lines.findIndex((l) => l.startsWith(`${v}=`));
      expect(i, `${v} in .env.example`).toBeGreaterThan(-1);
      // a comment right above (possibly shared by a group of related variables)
      const above = lines
        .slice(0, i)
        .reverse()
        .find((l) => !/^[A-Z_]+=/.test(l));
      expect(above, `${v} has a comment`).toMatch(/^#/);
    }
    for (const l of lines.filter((x) => /^[A-Z_]+=/.test(x))) {
      const value = l.slice(l.indexOf('=') + 1);
      expect(value, l).not.toMatch(/^[A-Za-z0-9+/]{32,}$/);
    }
  });
});
