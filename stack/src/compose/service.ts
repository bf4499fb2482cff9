/**
 * One service of a merged, interpolated compose document → `ServiceDef`. Each compose alternative (string or list,
 * map or list, short or long syntax) is reduced to the one form of the model; references to top-level volumes,
 * secrets and networks are checked here, references to other services by the project (model.ts).
 */
import { resolve } from 'node:path';
import { parseDurationMs } from './duration.js';
import type { Env } from './interpolate.js';
import type { DependsOn, Healthcheck, ServiceDef } from './model-types.js';
import { parsePort } from './ports.js';
import { splitShellWords } from './shell-words.js';
import {
  asBool,
  asCount,
  asObj,
  asString,
  asStringList,
  at,
  fail,
  isObj,
  keyValues,
  type Loc,
  type Obj,
} from './values.js';
import { parseMount, parseTmpfs, secretTarget } from './volumes.js';

export interface ServiceContext {
  file: string;
  dir: string;
  env: Env;
  volumes: ReadonlySet<string>;
  secrets: ReadonlySet<string>;
  networks: ReadonlySet<string>;
}

const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'] as const;
const RESTART = ['no', 'always', 'on-failure', 'unless-stopped'] as const;
const DEFAULT_STOP_GRACE_MS = 10_000;
/** Docker's healthcheck defaults. */
const HEALTH_DEFAULTS = { interval: 30_000, timeout: 30_000, retries: 3, startPeriod: 0, startInterval: 5_000 };

export function normalizeService(name: string, svc: Obj, ctx: ServiceContext): ServiceDef {
  const loc: Loc = { file: ctx.file, path: `services.${name}` };
  const f = (key: string): Loc => at(loc, key);
  if (svc['extends'] !== undefined) fail(f('extends'), 'not supported by this loader');
  const def: ServiceDef = {
    name,
    environment: fromEnv(keyValues(svc['environment'], f('environment')), ctx.env),
    volumes: list(svc['volumes'], f('volumes')).map((v, i) => parseMount(v, at(f('volumes'), i), ctx)),
    tmpfs: parseTmpfs(svc['tmpfs'], f('tmpfs')),
    ports: list(svc['ports'], f('ports')).flatMap((p, i) => parsePort(p, at(f('ports'), i))),
    secrets: list(svc['secrets'], f('secrets')).map((s, i) => secret(s, at(f('secrets'), i), ctx)),
    labels: labels(svc['labels'], f('labels')),
    deployLabels: labels(asObj(svc['deploy'], f('deploy'))['labels'], at(f('deploy'), 'labels')),
    replicas: replicas(svc, loc),
    dependsOn: dependsOn(svc['depends_on'], f('depends_on')),
    restart: 'no',
    networks: [],
    stopGracePeriodMs: duration(svc['stop_grace_period'], f('stop_grace_period'), DEFAULT_STOP_GRACE_MS),
    profiles: asStringList(svc['profiles'], f('profiles')),
    raw: svc,
  };
  const strings = {
    image: 'image',
    workingDir: 'working_dir',
    user: 'user',
    stopSignal: 'stop_signal',
    shmSize: 'shm_size',
    containerName: 'container_name',
    hostname: 'hostname',
    networkMode: 'network_mode',
  } as const;
  for (const [prop, key] of Object.entries(strings) as [keyof typeof strings, string][]) {
    const v = asString(svc[key], f(key));
    if (v !== undefined) def[prop] = v;
  }
  const build = buildOf(svc['build'], f('build'), ctx);
  if (build) def.build = build;
  for (const key of ['entrypoint', 'command'] as const) {
    const words = shellCommand(svc[key], f(key));
    if (words) def[key] = words;
  }
  const health = healthcheck(svc['healthcheck'], f('healthcheck'));
  if (health) def.healthcheck = health;
  restart(def, svc['restart'], f('restart'));
  def.networks = networks(svc, def.networkMode, loc, ctx);
  return def;
}

function list(v: unknown, loc: Loc): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(loc, `expected a list, got ${JSON.stringify(v)}`);
  return v;
}

/** `KEY` / `KEY:` without a value: the variable of the same name from env, omitted when unset. */
function fromEnv(values: Record<string, string | null>, env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) {
    const value = v ?? env[k];
    if (value !== undefined) out[k] = value;
  }
  return out;
}

function labels(v: unknown, loc: Loc): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(keyValues(v, loc))) out[k] = val ?? '';
  return out;
}

function shellCommand(v: unknown, loc: Loc): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return asStringList(v, loc);
  const words = splitShellWords(asString(v, loc) ?? '');
  if (!Array.isArray(words)) fail(loc, words.error);
  return words;
}

function buildOf(v: unknown, loc: Loc, ctx: ServiceContext): ServiceDef['build'] {
  if (v === undefined || v === null) return undefined;
  const b = typeof v === 'string' ? { context: v } : asObj(v, loc);
  const contextRaw = asString(b['context'], at(loc, 'context')) ?? '.';
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(contextRaw) || contextRaw.startsWith('git@');
  const context = remote ? contextRaw : resolve(ctx.dir, contextRaw);
  const dockerfileRaw = asString(b['dockerfile'], at(loc, 'dockerfile')) ?? 'Dockerfile';
  const out: NonNullable<ServiceDef['build']> = {
    context,
    dockerfile: remote ? dockerfileRaw : resolve(context, dockerfileRaw),
    args: fromEnv(keyValues(b['args'], at(loc, 'args')), ctx.env),
  };
  const target = asString(b['target'], at(loc, 'target'));
  if (target !== undefined) out.target = target;
  return out;
}

function secret(entry: unknown, loc: Loc, ctx: ServiceContext): { source: string; target: string } {
  const s = secretTarget(entry) ?? fail(loc, `invalid secret ${JSON.stringify(entry)}`);
  if (!ctx.secrets.has(s.source)) fail(loc, `secret ${JSON.stringify(s.source)} is not declared in top-level secrets`);
  return s;
}

/** `deploy.replicas`, or the legacy `scale`; both set to different values is compose's error too. */
function replicas(svc: Obj, loc: Loc): number {
  const deploy = asObj(svc['deploy'], at(loc, 'deploy'));
  const fromDeploy =
    deploy['replicas'] === undefined || deploy['replicas'] === null
      ? undefined
      : asCount(deploy['replicas'], at(at(loc, 'deploy'), 'replicas'));
  const scale =
    svc['scale'] === undefined || svc['scale'] === null ? undefined : asCount(svc['scale'], at(loc, 'scale'));
  if (fromDeploy !== undefined && scale !== undefined && fromDeploy !== scale)
    fail(loc, `can't set distinct values on 'scale' (${scale}) and 'deploy.replicas' (${fromDeploy})`);
  return fromDeploy ?? scale ?? 1;
}

function duration(v: unknown, loc: Loc, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  const ms = typeof v === 'string' || typeof v === 'number' ? parseDurationMs(v) : undefined;
  if (ms === undefined) fail(loc, `invalid duration ${JSON.stringify(v)} (expected e.g. 10s, 1m30s, 500ms)`);
  return ms;
}

function healthcheck(v: unknown, loc: Loc): Healthcheck | undefined {
  if (v === undefined || v === null) return undefined;
  const h = asObj(v, loc);
  if (asBool(h['disable'], at(loc, 'disable'))) return undefined;
  const test = healthTest(h['test'], at(loc, 'test'));
  if (!test) return undefined;
  const d = (key: string, dflt: number): number => duration(h[key], at(loc, key), dflt);
  return {
    test,
    intervalMs: d('interval', HEALTH_DEFAULTS.interval),
    timeoutMs: d('timeout', HEALTH_DEFAULTS.timeout),
    retries:
      h['retries'] === undefined || h['retries'] === null
        ? HEALTH_DEFAULTS.retries
        : asCount(h['retries'], at(loc, 'retries')),
    startPeriodMs: d('start_period', HEALTH_DEFAULTS.startPeriod),
    startIntervalMs: d('start_interval', HEALTH_DEFAULTS.startInterval),
  };
}

/** A string is `CMD-SHELL <string>`; a list starts with NONE, CMD or CMD-SHELL (Docker's forms). */
function healthTest(v: unknown, loc: Loc): Healthcheck['test'] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) return ['CMD-SHELL', asString(v, loc) ?? ''];
  const [head, ...args] = asStringList(v, loc);
  if (head === 'NONE') return undefined;
  if (head === 'CMD' && args.length > 0) return ['CMD', ...args];
  if (head === 'CMD-SHELL' && args.length === 1 && args[0] !== undefined) return ['CMD-SHELL', args[0]];
  return fail(loc, `expected ['CMD', cmd, ...args], ['CMD-SHELL', command] or ['NONE'], got ${JSON.stringify(v)}`);
}

function dependsOn(v: unknown, loc: Loc): DependsOn[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v))
    return asStringList(v, loc).map((service) => ({
      service,
      condition: 'service_started',
      required: true,
      restart: false,
    }));
  return Object.entries(asObj(v, loc)).map(([service, spec]) => {
    const l = at(loc, service);
    const o = asObj(spec, l);
    const condition = asString(o['condition'], at(l, 'condition')) ?? 'service_started';
    const known = CONDITIONS.find((c) => c === condition);
    if (!known) fail(at(l, 'condition'), `unknown condition ${JSON.stringify(condition)}`);
    return {
      service,
      condition: known,
      required: asBool(o['required'], at(l, 'required'), true),
      restart: asBool(o['restart'], at(l, 'restart')),
    };
  });
}

function restart(def: ServiceDef, v: unknown, loc: Loc): void {
  if (v === undefined || v === null || v === false) return;
  const s = asString(v, loc) ?? '';
  const m = /^([a-z-]+)(?::(\d+))?$/.exec(s);
  const policy = RESTART.find((p) => p === m?.[1]);
  const retries = m?.[2];
  if (policy === undefined || (retries !== undefined && policy !== 'on-failure'))
    fail(loc, `invalid restart policy ${JSON.stringify(s)} (no, always, on-failure[:N], unless-stopped)`);
  def.restart = policy;
  if (retries !== undefined) def.restartMaxRetries = Number(retries);
}

/** Names from the list or map form; none means the implicit `default` network, unless a network_mode is set. */
function networks(svc: Obj, networkMode: string | undefined, loc: Loc, ctx: ServiceContext): string[] {
  const v = svc['networks'];
  const l = at(loc, 'networks');
  if (v === undefined || v === null) return networkMode === undefined ? ['default'] : [];
  if (networkMode !== undefined) fail(loc, "'network_mode' and 'networks' cannot be combined");
  const names = Array.isArray(v) ? asStringList(v, l) : isObj(v) ? Object.keys(v) : fail(l, 'expected a list or a map');
  for (const n of names)
    if (n !== 'default' && !ctx.networks.has(n))
      fail(l, `network ${JSON.stringify(n)} is not declared in top-level networks`);
  return names;
}
