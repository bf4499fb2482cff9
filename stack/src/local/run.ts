/**
 * Starts the local stack from docker-compose.yml: loads the file (compose/), plans which services run with which
 * local program (plan.ts, programs.ts), gives every replica its address (network.ts) and container view
 * (container.ts), then starts the services as compose does: a service starts once each dependency meets its
 * condition (`service_started`, `service_healthy`, `service_completed_successfully`; a service that is not run
 * locally or is provided by another stack counts as met), its replicas in parallel, each waited on through its
 * healthcheck. The returned handle stops everything in reverse order.
 */
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCompose, type ComposeProject, type ServiceDef } from '../compose/index.js';
import { isRoot, serviceUser } from '../processes.js';
import { containerView } from './container.js';
import { claimAddressBlock, type AddressBlock } from './network.js';
import { planStack, type PlannedService, type StackPlan } from './plan.js';
import type { ProgramContext, StackContext } from './program.js';
import { programTable } from './programs.js';
import { allocatePublishedPorts } from './published.js';
import { Replica, type ReplicaHandle } from './replica.js';
import { startServiceVip, type ServiceVip } from './service-vip.js';
import { writeState, type StackState } from './state.js';

export const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface ExternalServices {
  /** service names another running stack provides */
  services: string[];
  /** their addresses */
  hosts: Record<string, string>;
}

export interface LocalStackOptions {
  /** the stack directory: volumes, logs, per-replica scratch, `stack.json` */
  dir: string;
  /** interpolation variables (the caller decides their precedence, see env.ts) */
  env: Record<string, string | undefined>;
  composeFile?: string;
  /** compose fragments merged after the file, as `docker compose -f docker-compose.yml -f override.yml` */
  overrides?: unknown[];
  /** services to bring up with their dependencies (default: all) */
  only?: string[];
  external?: ExternalServices;
  /** a throwaway stack (tests): see StackContext.ephemeral */
  ephemeral: boolean;
  /** point every Postgres URL and PGDATABASE of the services at this database (a test's clone) */
  database?: string;
  /** local host ports for published container ports (`traefik:443`), the others get free ports */
  publishedPorts?: Record<string, number>;
  /** local-only dynamic files for the gateway */
  extraDynamicDir?: string;
  /** runs after a one-shot service completed, before its dependents start (npm start seeds the sample data) */
  afterCompleted?: Record<string, () => Promise<void>>;
  log: (line: string) => void;
}

export interface LocalStack {
  dir: string;
  project: ComposeProject;
  plan: StackPlan;
  /** every service name -> its address (a replica, or the VIP of a replicated service) */
  hosts: Record<string, string>;
  publishedPorts: Record<string, number>;
  replicas(service: string): ReplicaHandle[];
  replica(name: string): ReplicaHandle;
  /** `http://<service address>:<port>`: what another container reaches as `http://<service>:<port>` */
  serviceUrl(service: string, port: number): string;
  state(): StackState;
  stop(): Promise<void>;
}

/** Postgres URLs of the services' environment (and PGDATABASE) pointed at `database`. */
export function retargetDatabase(project: ComposeProject, database: string): void {
  for (const s of project.services) {
    for (const [k, v] of Object.entries(s.environment)) {
      if (/^postgres(ql)?:\/\//.test(v)) s.environment[k] = v.replace(/(\/\/[^/]+\/)[^?]*/, `$1${database}`);
      else if (k === 'PGDATABASE') s.environment[k] = database;
    }
  }
}

function secretValue(project: ComposeProject, env: Record<string, string | undefined>, name: string): string {
  const def = project.secrets[name];
  if (def?.environment !== undefined) return env[def.environment] ?? '';
  if (def?.file !== undefined) return readFileSync(def.file, 'utf8');
  throw new Error(`secret ${name}: external secrets cannot be provided locally`);
}

/** The container ports other services reach through the name of a replicated service (its `expose` list). */
function exposedPorts(s: ServiceDef): number[] {
  const expose = s.raw['expose'];
  return Array.isArray(expose) ? expose.map((p) => Number(String(p).split('/')[0])) : [];
}

export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const dir = resolve(opts.dir);
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'run'), { recursive: true });
  // Servers run as the service user when we are root: it must be able to reach into the stack directory.
  if (isRoot) chmodSync(dir, 0o755);
  const project = loadCompose({
    file: opts.composeFile ?? join(REPO, 'docker-compose.yml'),
    env: opts.env,
    overrides: opts.overrides ?? [],
  });
  if (opts.database !== undefined) retargetDatabase(project, opts.database);
  const plan = planStack(project, programTable(REPO), {
    ...(opts.only ? { only: opts.only } : {}),
    external: opts.external?.services ?? [],
  });
  const block = await claimAddressBlock();
  const hosts: Record<string, string> = {};
  for (const p of plan.services) {
    const name = p.service.name;
    hosts[name] =
      opts.external?.hosts[name] ?? (p.service.replicas > 1 ? block.vip(p.index) : block.replica(p.index, 1));
  }
  const publishedPorts = await allocatePublishedPorts(
    project,
    plan.order.map((p) => p.service.name),
    opts.publishedPorts,
  );
  const user = serviceUser();
  const containersFile = join(dir, 'run', 'docker-containers.json');
  writeFileSync(
    containersFile,
    JSON.stringify(
      plan.order.flatMap((p) =>
        Array.from({ length: p.service.replicas }, (_, i) => ({
          service: p.service.name,
          replica: i + 1,
          address: block.replica(p.index, i + 1),
          labels: p.service.labels,
        })),
      ),
      null,
      2,
    ),
  );
  const stackCtx: StackContext = {
    repo: REPO,
    dir,
    project,
    ephemeral: opts.ephemeral,
    hosts,
    serviceUser: user ? { ...user, name: 'postgres' } : undefined,
    publishedPorts,
    containersFile,
    extraDynamicDir: opts.extraDynamicDir,
    log: opts.log,
  };
  const running = new Runner(stackCtx, plan, block, opts);
  try {
    await running.startAll();
  } catch (err) {
    await running.stop();
    throw err;
  }
  return running.handle();
}

class Runner {
  private readonly replicasByService = new Map<string, Replica[]>();
  private readonly vips: ServiceVip[] = [];
  private readonly phases = new Map<
    string,
    { started: Promise<void>; healthy: Promise<void>; completed: Promise<void> }
  >();
  private stopping = false;

  constructor(
    private readonly ctx: StackContext,
    private readonly plan: StackPlan,
    private readonly block: AddressBlock,
    private readonly opts: LocalStackOptions,
  ) {}

  async startAll(): Promise<void> {
    this.saveState(false);
    for (const p of this.plan.order) this.phases.set(p.service.name, this.phases_(p));
    // Ready, as `docker compose up --wait`: every service started, those with a healthcheck healthy, and the
    // one-shots others wait for (service_completed_successfully) done.
    const awaited = new Set(
      this.ctx.project.services.flatMap((s) =>
        s.dependsOn.filter((d) => d.condition === 'service_completed_successfully').map((d) => d.service),
      ),
    );
    await Promise.all(
      this.plan.order.map(async (p) => {
        const ph = this.phases.get(p.service.name);
        await ph?.started;
        if (p.service.healthcheck !== undefined) await ph?.healthy;
        else if (awaited.has(p.service.name)) await ph?.completed;
      }),
    );
    this.saveState(true);
  }

  private phases_(p: PlannedService): { started: Promise<void>; healthy: Promise<void>; completed: Promise<void> } {
    const started = this.startService(p);
    const replicas = (): Replica[] => this.replicasByService.get(p.service.name) ?? [];
    const healthy = started.then(() => Promise.all(replicas().map((r) => r.waitHealthy())).then(() => undefined));
    const completed = started.then(async () => {
      const codes = await Promise.all(replicas().map((r) => r.waitExit()));
      const bad = codes.find((c) => c !== 0);
      if (bad !== undefined && !this.stopping) {
        throw new Error(`${p.service.name} exited with code ${bad}; see ${p.service.name}-1.log`);
      }
      await this.opts.afterCompleted?.[p.service.name]?.();
    });
    // Conditions nobody waits for must not become unhandled rejections; startAll waits for the relevant ones.
    healthy.catch(() => undefined);
    completed.catch(() => undefined);
    return { started, healthy, completed };
  }

  private async waitFor(p: PlannedService): Promise<void> {
    for (const d of p.service.dependsOn) {
      const ph = this.phases.get(d.service);
      if (ph === undefined) continue; // not run locally, or another stack's
      if (d.condition === 'service_started') await ph.started;
      else if (d.condition === 'service_healthy') await ph.healthy;
      else await ph.completed;
    }
  }

  private async startService(p: PlannedService): Promise<void> {
    await Promise.resolve();
    await this.waitFor(p);
    if (this.stopping) throw new Error('the stack is stopping');
    const program = p.program;
    if (program === undefined) return;
    const s = p.service;
    const replicas: Replica[] = [];
    for (let r = 1; r <= s.replicas; r += 1) {
      const runDir = join(this.ctx.dir, 'run', `${s.name}-${r}`);
      mkdirSync(join(runDir, 'home'), { recursive: true });
      const owner = program.asServiceUser ? this.ctx.serviceUser : undefined;
      if (owner) chownSync(runDir, owner.uid, owner.gid);
      const view = containerView({
        service: s,
        replica: r,
        address: this.block.replica(p.index, r),
        volumesDir: join(this.ctx.dir, 'volumes'),
        runDir,
        secretValue: (name) => secretValue(this.ctx.project, this.opts.env, name),
        imageMounts: program.imageMounts?.(this.ctx, { runDir }) ?? {},
        owner,
      });
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...program.imageEnv?.(this.ctx), ...s.environment })) {
        env[k] = view.localize(v);
      }
      const pctx: ProgramContext = { stack: this.ctx, service: s, view, env };
      await program.prepare?.(pctx);
      // Everything the program's own files need, written as root, belongs to the user it runs as.
      if (owner) chownTree(runDir, owner);
      const replica = new Replica(s, view, () => Promise.resolve(program.process(pctx)), {
        logDir: join(this.ctx.dir, 'logs'),
        user: this.ctx.serviceUser,
        hosts: this.ctx.hosts,
        log: this.ctx.log,
      });
      replicas.push(replica);
    }
    this.replicasByService.set(s.name, replicas);
    await Promise.all(replicas.map((r) => r.start()));
    if (s.replicas > 1) {
      for (const port of exposedPorts(s)) {
        this.vips.push(
          await startServiceVip({
            name: s.name,
            host: this.block.vip(p.index),
            port,
            servers: replicas.map((r) => r.urlAt(port)),
          }),
        );
      }
    }
    this.ctx.log(`${s.name}: ${s.replicas} replica(s) started (${p.note})`);
    this.saveState(false);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.vips.map((v) => v.close()));
    for (const p of [...this.plan.order].reverse()) {
      await Promise.all((this.replicasByService.get(p.service.name) ?? []).map((r) => r.stop()));
    }
    await this.block.release();
  }

  state(ready: boolean): StackState {
    return {
      version: 1,
      project: this.ctx.project.name,
      dir: this.ctx.dir,
      ephemeral: this.ctx.ephemeral,
      ready,
      supervisorPid: process.pid,
      block: this.block.block,
      hosts: this.ctx.hosts,
      publishedPorts: this.ctx.publishedPorts,
      services: Object.fromEntries(
        this.plan.services.map((p) => {
          const replicas = this.replicasByService.get(p.service.name) ?? [];
          return [
            p.service.name,
            {
              status: p.status,
              note: p.note,
              replicas: replicas.map((r) => ({
                name: r.name,
                address: r.address,
                pid: r.pid(),
                state: r.state(),
                exitCode: r.exitCode(),
              })),
            },
          ];
        }),
      ),
    };
  }

  private saveState(ready: boolean): void {
    writeState(this.ctx.dir, this.state(ready));
  }

  handle(): LocalStack {
    const all = (): Replica[] => [...this.replicasByService.values()].flat();
    return {
      dir: this.ctx.dir,
      project: this.ctx.project,
      plan: this.plan,
      hosts: this.ctx.hosts,
      publishedPorts: this.ctx.publishedPorts,
      replicas: (service) => this.replicasByService.get(service) ?? [],
      replica: (name) => {
        const r = all().find((x) => x.name === name);
        if (r === undefined) throw new Error(`no replica ${name}`);
        return r;
      },
      serviceUrl: (service, port) => {
        const host = this.ctx.hosts[service];
        if (host === undefined) throw new Error(`no service ${service}`);
        return `http://${host}:${port}`;
      },
      state: () => this.state(true),
      stop: () => this.stop(),
    };
  }
}

/** chown -R (the replica's scratch directory: small, made by us). */
function chownTree(path: string, owner: { uid: number; gid: number }): void {
  chownSync(path, owner.uid, owner.gid);
  if (!statSync(path).isDirectory()) return;
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (lstatSync(child).isSymbolicLink()) continue;
    chownTree(child, owner);
  }
}
