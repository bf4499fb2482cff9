/**
 * The four targets of a data set: start the servers (each in its own process), say which processes' memory each
 * target's runs report, and build the HTTP request a target gets for an operation.
 */
import { operationName, type Operation, type Sample } from '../workload.js';
import type { TargetName } from '../report.js';
import type { Child } from './child.js';
import { startEngine, startGateway } from './engine.js';
import { startPostgraphile } from './postgraphile.js';
import { startRaw, type RawStatement } from './raw.js';

export interface Servers {
  readonly byTarget: Partial<Record<TargetName, Child>>;
  /** Processes whose peak RSS a target's runs report, by name. */
  readonly pids: Record<TargetName, Record<string, number>>;
  stop(): Promise<void>;
}

export async function startServers(opts: {
  targets: readonly TargetName[];
  databaseUrl: string;
  viaBouncer: boolean;
  poolSize: number;
  jwtKey: string;
  statements: Record<string, RawStatement>;
  logDir: string;
}): Promise<Servers> {
  const started: Child[] = [];
  const byTarget: Partial<Record<TargetName, Child>> = {};
  const stop = async (): Promise<void> => {
    for (const c of started.reverse()) await c.stop();
  };
  const base = { databaseUrl: opts.databaseUrl, poolSize: opts.poolSize, logDir: opts.logDir };
  const want = new Set(opts.targets);
  const add = (t: TargetName, c: Child): Child => {
    started.push(c);
    byTarget[t] = c;
    return c;
  };
  try {
    if (want.has('engine') || want.has('gateway')) {
      const engine = add('engine', await startEngine({ ...base, jwtKey: opts.jwtKey }));
      if (want.has('gateway')) add('gateway', await startGateway(engine, opts.logDir));
    }
    if (want.has('postgraphile')) {
      add('postgraphile', await startPostgraphile({ ...base, jwtKey: opts.jwtKey, viaBouncer: opts.viaBouncer }));
    }
    if (want.has('raw')) add('raw', await startRaw({ ...base, statements: opts.statements }));
  } catch (err) {
    await stop();
    throw err;
  }
  const pid = (t: TargetName): Record<string, number> => {
    const c = byTarget[t];
    return c ? { [t]: c.pid } : {};
  };
  return {
    // The engine is there whenever the gateway is (it serves it); runs measure only the requested targets.
    byTarget,
    pids: {
      gateway: { ...pid('engine'), ...pid('gateway') },
      engine: pid('engine'),
      postgraphile: pid('postgraphile'),
      raw: pid('raw'),
    },
    stop,
  };
}

export interface TargetRequest {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** The request a target gets: the engine's document for the engine, gateway and raw server, PostGraphile's for it. */
export function targetRequest(target: TargetName, op: Operation, sample: Sample, token: string): TargetRequest {
  const pgl = target === 'postgraphile';
  const variables = pgl ? (op.postgraphileVariables ?? op.variables)(sample) : op.variables(sample);
  const body = JSON.stringify({
    query: pgl ? op.postgraphile : op.engine,
    variables,
    operationName: operationName(op),
  });
  return { body, headers: op.role === 'student' ? { authorization: `Bearer ${token}` } : {} };
}
