/**
 * The local stack's plan, a pure function of the compose model and the program table: which services run (the ones
 * asked for and, as `docker compose up <service>` does, everything they depend on), with which program, in which
 * start order, and which are not run and why. `.stack/stack.json` and the start-up listing are written from it.
 */
import type { ComposeProject, ServiceDef } from '../compose/index.js';
import { programFor } from './programs.js';
import type { LocalProgram, ProgramEntry } from './program.js';

export interface PlannedService {
  service: ServiceDef;
  /** its index in the file (1-based): the third octet of its addresses (network.ts) */
  index: number;
  /**
   * 'run'; 'not run' (no local program for its image); 'external' (another running stack provides it); 'not asked'
   * (neither requested nor a dependency of a requested service)
   */
  status: 'run' | 'not run' | 'external' | 'not asked';
  program?: LocalProgram;
  /** what stands in for the image, or why the service is not run */
  note: string;
}

export interface StackPlan {
  /** every service of the file, in file order */
  services: PlannedService[];
  /** the services to start, dependencies first */
  order: PlannedService[];
}

export interface PlanOptions {
  /** services to bring up (default: every service) */
  only?: string[];
  /** services another running stack provides (their dependencies are not started either) */
  external?: string[];
}

export function planStack(project: ComposeProject, table: ProgramEntry[], opts: PlanOptions = {}): StackPlan {
  const external = new Set(opts.external ?? []);
  const wanted = new Set<string>();
  const want = (name: string): void => {
    if (wanted.has(name) || external.has(name)) return;
    wanted.add(name);
    for (const d of project.service(name).dependsOn) want(d.service);
  };
  for (const name of opts.only ?? project.services.map((s) => s.name)) want(name);

  const services = project.services.map((service, i): PlannedService => {
    const index = i + 1;
    if (external.has(service.name)) return { service, index, status: 'external', note: 'provided by another stack' };
    const row = programFor(table, service, project);
    if (!wanted.has(service.name)) return { service, index, status: 'not asked', note: 'not requested by this stack' };
    if (row.program === undefined) return { service, index, status: 'not run', note: row.notRun ?? 'no program' };
    return { service, index, status: 'run', program: row.program, note: row.program.description };
  });
  const byName = new Map(services.map((p) => [p.service.name, p]));
  const order: PlannedService[] = [];
  const placed = new Set<string>();
  const place = (name: string): void => {
    if (placed.has(name) || !wanted.has(name)) return;
    placed.add(name);
    for (const d of project.service(name).dependsOn) place(d.service);
    const p = byName.get(name);
    if (p?.status === 'run') order.push(p);
  };
  for (const s of project.services) place(s.name);
  return { services, order };
}
