/** Orchestration: plan → per class (setup, engine, tests × transports, teardown) → per-file verdicts. */
import { makeAuthContext } from './auth.js';
import type { AuthMode } from './auth.js';
import { runCaseFile } from './run-case.js';
import { environmentProblem } from './setup/apply.js';
import type { ClassSession, Target } from './targets.js';
import type { WsProtocol } from './ws.js';
import type {
  CaseReport,
  PlannedClass,
  PlannedDirectory,
  PlannedTest,
  RunResult,
  Transport,
  Verdict,
} from './types.js';

export interface RunOptions {
  target: Target;
  auth: AuthMode;
  transports: readonly Transport[];
  webhookUrl: () => Promise<string>;
  jobs: number;
  log: (line: string) => void;
  /** Websocket subprotocol for the `websocket`/`subscription` transports (default: legacy `graphql-ws`). */
  wsProtocol?: WsProtocol;
}

const msg = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

async function runClass(dir: PlannedDirectory, cls: PlannedClass, o: RunOptions): Promise<RunResult[]> {
  const results: RunResult[] = [];
  const record = (t: PlannedTest, transport: Transport, verdict: Verdict, reason?: string): void => {
    const r: RunResult = {
      class: cls.python,
      test: t.test,
      file: t.file,
      referenced: t.referenced,
      transport,
      verdict,
    };
    results.push(reason === undefined ? r : { ...r, reason });
  };
  const todo = cls.tests.flatMap((t) => {
    if (cls.skip ?? t.skip) {
      record(t, t.transports[0] ?? 'http', 'skip', cls.skip ?? t.skip);
      return [];
    }
    if (t.needsAuthorization && !['jwt', 'webhook', 'webhook-post'].includes(o.auth)) {
      const why = 'upstream runs it only when JWT or an auth hook is configured (run with --auth jwt or webhook)';
      record(t, t.transports[0] ?? 'http', 'skip', why);
      return [];
    }
    const ts = t.transports.filter((x) => o.transports.includes(x));
    if (ts.length === 0) {
      record(t, t.transports[0] ?? 'http', 'skip', `runs only over ${t.transports.join(', ')} (not selected)`);
    }
    return ts.map((transport) => ({ t, transport }));
  });
  if (todo.length === 0) return results;
  const auth = await makeAuthContext(o.auth, cls.settings, o.webhookUrl);
  let session: ClassSession | null = null;
  try {
    session = await o.target.beginClass(auth.env, auth.adminSecret);
    await session.setup(cls.classSetup);
  } catch (e) {
    const env = environmentProblem(msg(e));
    for (const { t, transport } of todo) {
      record(t, transport, env ? 'skip' : 'fail', env ?? `class setup failed: ${msg(e)}`);
    }
    await session?.end().catch(() => undefined);
    return results;
  }
  try {
    for (const { t, transport } of todo) {
      try {
        await session.setup(cls.testSetup);
        const baseUrl = await session.baseUrl();
        const out = await runCaseFile({
          dir: dir.abs,
          file: t.file,
          transport,
          baseUrl,
          auth,
          addAuth: t.addAuth,
          adminSecretHelper: t.adminSecretHelper === true,
          ...(o.wsProtocol ? { wsProtocol: o.wsProtocol } : {}),
        });
        record(t, transport, out.verdict, out.reason);
      } catch (e) {
        const env = environmentProblem(msg(e));
        record(t, transport, env ? 'skip' : 'fail', env ?? `runner: ${msg(e)}`);
      } finally {
        await session.teardown(cls.testTeardown).catch(() => undefined);
      }
    }
    await session.teardown(cls.classTeardown).catch(() => undefined);
  } finally {
    await session.end().catch(() => undefined);
  }
  return results;
}

/** A file's verdict: the worst of the runs that ran; skip only when none ran. */
export function fileVerdict(runs: readonly RunResult[]): { verdict: Verdict; reason?: string } {
  const ran = runs.filter((r) => r.verdict !== 'skip');
  const order: Verdict[] = ['fail', 'error-soft', 'pass'];
  for (const v of order) {
    const hit = ran.find((r) => r.verdict === v);
    if (hit) {
      const stale = hit.verdict !== 'pass' && !hit.referenced ? ' (file not run by any upstream test)' : '';
      const reason = hit.reason === undefined ? undefined : `[${hit.transport}]${stale} ${hit.reason}`;
      return reason === undefined ? { verdict: v } : { verdict: v, reason };
    }
  }
  const skip = runs[0];
  return { verdict: 'skip', reason: skip?.reason ?? 'no run of this file was planned' };
}

export async function runPlan(dirs: readonly PlannedDirectory[], o: RunOptions): Promise<CaseReport[]> {
  const jobs = dirs.flatMap((d) => d.classes.map((c) => ({ d, c })));
  const byDir = new Map<PlannedDirectory, RunResult[][]>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const started = Date.now();
      const res = await runClass(job.d, job.c, o);
      o.log(`${job.d.name} ${job.c.python}: ${res.length} runs in ${Date.now() - started} ms`);
      const list = byDir.get(job.d) ?? [];
      list.push(res);
      byDir.set(job.d, list);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.jobs) }, () => worker()));
  const cases: CaseReport[] = [];
  for (const d of dirs) {
    const runs = (byDir.get(d) ?? []).flat();
    for (const file of d.caseFiles) {
      const mine = runs.filter((r) => r.file === file);
      const referenced = d.classes.some((c) => c.tests.some((t) => t.file === file && t.referenced));
      const v = fileVerdict(mine);
      cases.push({ file, directory: d.name, ...v, referenced, runs: mine });
    }
  }
  return cases;
}
