/**
 * The normalized compose model the local runner starts services from, and the project-level normalization:
 * top-level volumes, networks and secrets, every service (see service.ts), and the checks that need the whole
 * project (depends_on targets and cycles, the implicit `default` network).
 *
 * Paths in the model are absolute (resolved against the compose file's directory), durations are milliseconds,
 * every list/map alternative of the compose file has one form.
 */
import { basename, resolve } from 'node:path';
import { ComposeError } from './errors.js';
import type { Env } from './interpolate.js';
import { normalizeService, type ServiceContext } from './service.js';
import { asBool, asObj, asString, at, fail, isObj, type Loc, type Obj } from './values.js';
import type { ComposeProject, ServiceDef } from './model-types.js';

export type * from './model-types.js';

const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const UNSUPPORTED = ['include'];

/** Builds the model from a merged, interpolated document. `warnings` receives compose-style warnings. */
export function normalizeProject(
  raw: Obj,
  opts: { file: string; dir: string; env: Env; warn: (message: string) => void },
): Omit<ComposeProject, 'warnings'> {
  const top: Loc = { file: opts.file, path: '' };
  const loc = (key: string): Loc => ({ file: opts.file, path: key });
  for (const key of UNSUPPORTED) if (raw[key] !== undefined) fail(loc(key), 'not supported by this loader');
  const name = projectName(asString(raw['name'], loc('name')), opts.dir, top);

  const volumes: ComposeProject['volumes'] = {};
  for (const [key, v] of Object.entries(asObj(raw['volumes'], loc('volumes')))) {
    const l = loc(`volumes.${key}`);
    volumes[key] = withName({ external: external(v, l) }, v, l);
  }
  const networks: ComposeProject['networks'] = {};
  for (const [key, v] of Object.entries(asObj(raw['networks'], loc('networks')))) {
    const l = loc(`networks.${key}`);
    const n = asObj(v, l);
    networks[key] = withName(
      {
        internal: asBool(n['internal'], at(l, 'internal')),
        external: external(v, l),
        attachable: asBool(n['attachable'], at(l, 'attachable')),
      },
      v,
      l,
    );
  }
  const secrets: ComposeProject['secrets'] = {};
  for (const [key, v] of Object.entries(asObj(raw['secrets'], loc('secrets')))) {
    const l = loc(`secrets.${key}`);
    const s = asObj(v, l);
    const def: ComposeProject['secrets'][string] = { external: external(v, l) };
    const environment = asString(s['environment'], at(l, 'environment'));
    const file = asString(s['file'], at(l, 'file'));
    if (environment !== undefined) def.environment = environment;
    if (file !== undefined) def.file = resolve(opts.dir, file);
    if (environment === undefined && file === undefined && !def.external)
      fail(l, 'a secret needs `file`, `environment` or `external: true`');
    secrets[key] = def;
  }

  const ctx: ServiceContext = {
    file: opts.file,
    dir: opts.dir,
    env: opts.env,
    volumes: new Set(Object.keys(volumes)),
    secrets: new Set(Object.keys(secrets)),
    networks: new Set(Object.keys(networks)),
  };
  const services = Object.entries(asObj(raw['services'], loc('services'))).map(([key, v]) =>
    normalizeService(key, asObj(v, loc(`services.${key}`)), ctx),
  );
  checkDependencies(services, opts.file, opts.warn);
  if (services.some((s) => s.networks.includes('default')) && !networks['default'])
    networks['default'] = { internal: false, external: false, attachable: false };

  const byName = new Map(services.map((s) => [s.name, s]));
  return {
    name,
    dir: opts.dir,
    services,
    service(serviceName: string): ServiceDef {
      const s = byName.get(serviceName);
      if (!s)
        throw new ComposeError(
          `${opts.file}: no service ${JSON.stringify(serviceName)} (services: ${[...byName.keys()].join(', ')})`,
        );
      return s;
    },
    volumes,
    secrets,
    networks,
    raw,
  };
}

/** Compose's rule: lowercase letters, digits, `-` and `_`, starting with a letter or digit. */
function projectName(explicit: string | undefined, dir: string, loc: Loc): string {
  if (explicit !== undefined) {
    if (!PROJECT_NAME.test(explicit))
      fail(
        at(loc, 'name'),
        `invalid project name ${JSON.stringify(explicit)}: lowercase letters, digits, '-' and '_' only, starting with a letter or digit`,
      );
    return explicit;
  }
  const derived = basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
  if (!derived) fail(at(loc, 'name'), `cannot derive a project name from the directory ${JSON.stringify(dir)}`);
  return derived;
}

/** `external: true`, or the legacy `external: { name }`. */
function external(v: unknown, loc: Loc): boolean {
  const e = isObj(v) ? v['external'] : undefined;
  return isObj(e) ? true : asBool(e, at(loc, 'external'));
}

function withName<T extends object>(def: T, v: unknown, loc: Loc): T & { name?: string } {
  const e = isObj(v) ? v['external'] : undefined;
  const name =
    asString(isObj(v) ? v['name'] : undefined, at(loc, 'name')) ?? (isObj(e) ? asString(e['name'], loc) : undefined);
  return name === undefined ? def : { ...def, name };
}

/**
 * depends_on targets exist (an unknown optional one, `required: false`, is dropped with a warning, as compose
 * does), and the graph has no cycle (the message names it: `a -> b -> a`).
 */
function checkDependencies(services: ServiceDef[], file: string, warn: (m: string) => void): void {
  const names = new Set(services.map((s) => s.name));
  for (const s of services) {
    s.dependsOn = s.dependsOn.filter((d) => {
      if (names.has(d.service)) return true;
      if (!d.required) {
        warn(
          `service ${JSON.stringify(s.name)} depends on undefined service ${JSON.stringify(d.service)} (optional, ignored)`,
        );
        return false;
      }
      throw new ComposeError(
        `${file}: services.${s.name}.depends_on: service ${JSON.stringify(d.service)} is not defined`,
      );
    });
  }
  const edges = new Map(services.map((s) => [s.name, s.dependsOn.map((d) => d.service)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(n)), n];
      throw new ComposeError(`${file}: dependency cycle between services: ${cycle.join(' -> ')}`);
    }
    state.set(n, 'visiting');
    stack.push(n);
    for (const d of edges.get(n) ?? []) visit(d);
    stack.pop();
    state.set(n, 'done');
  };
  for (const s of services) visit(s.name);
}
