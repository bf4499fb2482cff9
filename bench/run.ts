/**
 * `npm run bench`: the CourseTable-shaped workload (bench/workload.ts) against the engine through the local
 * gateway and directly, PostGraphile 5 and the engine's compiled SQL through `pg`, on 1× and 10× the default sample
 * data, interleaved, at fixed concurrency levels with a warm-up before every run. A benchmark, not a timed test.
 *
 *   npm run bench -- [--report <file.json>] [--duration <s>] [--warmup <s>] [--max-duration <s>]
 *                    [--connections 10,50] [--sizes 1,10]
 *                    [--targets gateway,engine,postgraphile,raw] [--ops course_detail,…] [--db bouncer|direct]
 *                    [--pool <n>] [--out <dir>] [--no-results] [--quick]
 *   npm run bench -- --render <file.json> [--out <dir>]   (RESULTS.md and the chart again from a saved report)
 *   npm run bench -- --help                               (every option with its default)
 *
 * Writes <out>/RESULTS.md and <out>/results.svg (default out: bench/; none with --quick unless --out is given).
 * Method, choices and caveats: bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startStack, type Stack } from '../stack/src/harness.js';
import { buildDatabase } from '../stack/src/template.js';
import { renderChart } from './chart.js';
import { compareAnswers } from './equivalence.js';
import { signHs256, studentClaims } from './jwt.js';
import { cpuQuiet, measure, runLengths } from './load.js';
import { loadAverage, machine, versions } from './machine.js';
import { BENCH_USAGE, parseOptions, UsageError, type Options } from './options.js';
import { rotation, type Dataset, type EquivalenceCheck, type Report, type Run, type TargetName } from './report.js';
import { renderResults } from './results-md.js';
import { REPO } from './targets/child.js';
import { startServers, targetRequest, type Servers } from './targets/index.js';
import { enableStudentRls } from './targets/postgraphile.js';
import { compileStatements } from './targets/raw.js';
import { pickSample, type Sample } from './workload.js';

const log = (s: string): void => void process.stderr.write(`${s}\n`);

interface Built {
  readonly size: number;
  readonly db: string;
  readonly seedScale: number;
  readonly seedSeconds: number;
}

/**
 * One database per size, all built before anything is measured. The seed's `--scale s` makes 4·s seasons of
 * 2,500·s courses, so s = √size gives `size` times the default's courses.
 */
async function buildDatasets(stack: Stack, sizes: readonly number[]): Promise<Built[]> {
  const out: Built[] = [];
  for (const size of sizes) {
    const db = `bench_${String(size).replace('.', '_')}x`;
    const seedScale = Math.sqrt(size);
    log(`building ${db}: migrations + seed {seed: 1, scale: ${seedScale.toFixed(3)}} …`);
    const t = performance.now();
    const res = await buildDatabase(stack, db, { seed: { seed: 1, scale: seedScale } });
    if (!res.seeded) throw new Error(`${db} could not be migrated and seeded`);
    await enableStudentRls(stack, db);
    out.push({ size, db, seedScale, seedSeconds: Math.round((performance.now() - t) / 100) / 10 });
  }
  return out;
}

async function countData(stack: Stack, db: string): Promise<{ courses: number; rows: number }> {
  const c = await stack.superClient(db);
  try {
    const { rows } = await c.query<{ courses: string; rows: string }>(
      'select (select count(*) from courses) as courses, (select sum(n_live_tup) from pg_stat_user_tables) as rows',
    );
    return { courses: Number(rows[0]?.courses ?? 0), rows: Number(rows[0]?.rows ?? 0) };
  } finally {
    await c.end();
  }
}

/** "is DOWN" lines the gateway has logged so far (its health check taking the engine out of rotation). */
function gatewayDownCount(logDir: string): number {
  try {
    return readFileSync(join(logDir, 'gateway.log'), 'utf8')
      .split('\n')
      .filter((l) => l.includes(' is DOWN')).length;
  } catch {
    return 0;
  }
}

async function fetchData(url: string, body: string, headers: Record<string, string>): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || json.errors)
    throw new Error(`HTTP ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return json.data;
}

/**
 * Fetch every operation from every target and compare with the engine's (direct) answer; a second fetch, timed,
 * gives the idle latency that stretches the runs of slow operations (load.ts `runLengths`).
 */
async function checkEquivalence(opts: Options, servers: Servers, sample: Sample, token: string) {
  const out: EquivalenceCheck[] = [];
  const reference: TargetName = opts.targets.includes('engine') ? 'engine' : (opts.targets[0] ?? 'engine');
  for (const op of opts.ops) {
    const answers = new Map<TargetName, { data: unknown; idleMs: number }>();
    for (const t of opts.targets) {
      const child = servers.byTarget[t];
      if (!child) continue;
      const req = targetRequest(t, op, sample, token);
      const project = op.project?.[t === 'postgraphile' ? 'postgraphile' : 'engine'];
      try {
        const data = await fetchData(child.url, req.body, req.headers);
        const t0 = performance.now();
        await fetchData(child.url, req.body, req.headers);
        answers.set(t, { data: project ? project(data) : data, idleMs: performance.now() - t0 });
      } catch (err) {
        answers.set(t, { data: { error: err instanceof Error ? err.message : 'failed' }, idleMs: 0 });
      }
    }
    const checks = [...answers].map(([t, a]): EquivalenceCheck => ({
      op: op.id,
      target: t,
      idleMs: Math.round(a.idleMs * 10) / 10,
      ...compareAnswers(answers.get(reference)?.data, a.data),
    }));
    for (const c of checks)
      if (!c.equal) log(`WARNING: ${op.id}: ${c.target} differs from ${reference}: ${c.difference ?? ''}`);
    log(
      `  ${op.id.padEnd(16)} ${String(checks[0]?.rows ?? 0).padStart(6)} rows; same answer on every target: ` +
        `${checks.every((c) => c.equal)}; idle ms ${checks.map((c) => `${c.target} ${c.idleMs.toFixed(0)}`).join(', ')}`,
    );
    out.push(...checks);
  }
  return out;
}

/**
 * Resolves once no statement is running in `db` and the servers are idle: the requests autocannon abandoned at the
 * end of a run have finished (in Postgres and in the server that turns their rows into JSON).
 */
async function drainer(stack: Stack, db: string, pids: () => number[]) {
  const c = await stack.superClient(db);
  const drain = async (): Promise<void> => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await c.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      if (Number(rows[0]?.n ?? 0) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await cpuQuiet(pids());
  };
  return { drain, close: () => c.end() };
}

/** Start the servers on one data set, check equivalence, then measure every operation × concurrency × target. */
async function benchDataset(opts: Options, stack: Stack, b: Built, jwtKey: string, logDir: string, runs: Run[]) {
  const url = opts.db === 'bouncer' ? stack.bouncerUrl(b.db, 'ct_engine') : stack.directUrl(b.db, 'ct_engine');
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const sample = await pickSample(pool).finally(() => pool.end());
  const counts = await countData(stack, b.db);
  log(`${b.size}× (${counts.courses} courses, ${counts.rows} rows): sample ${JSON.stringify(sample)}`);
  const statements = await compileStatements(url, opts.ops, sample);
  const downBefore = gatewayDownCount(logDir);
  const servers = await startServers({
    ...opts,
    databaseUrl: url,
    viaBouncer: opts.db === 'bouncer',
    jwtKey,
    statements,
    logDir,
  });
  const token = signHs256(studentClaims(sample.userId), jwtKey);
  const allPids = (): number[] => Object.values(servers.byTarget).map((c) => c.pid);
  const { drain, close } = await drainer(stack, b.db, allPids);
  try {
    const equivalence = await checkEquivalence(opts, servers, sample, token);
    let group = 0;
    for (const op of opts.ops) {
      for (const connections of opts.connections) {
        for (const [position, target] of rotation(opts.targets, group++).entries()) {
          const child = servers.byTarget[target];
          if (!child) continue;
          const req = targetRequest(target, op, sample, token);
          const idleMs = equivalence.find((e) => e.op === op.id && e.target === target)?.idleMs ?? 0;
          const lengths = runLengths(opts, idleMs, connections, cpus().length);
          const loadavg1 = loadAverage()[0] ?? 0;
          const f = await measure({
            url: child.url,
            ...req,
            connections,
            ...lengths,
            pids: servers.pids[target],
            drain,
          });
          runs.push({ size: b.size, op: op.id, connections, target, position, loadavg1, ...f });
          const rss = Object.entries(f.peakRssMb).map(([k, v]) => `${k} ${v.toFixed(0)} MB`);
          log(
            `  ${b.size}× ${op.id.padEnd(16)} c${String(connections).padEnd(3)} ${target.padEnd(12)} ` +
              `${f.requestsPerSec.toFixed(0).padStart(6)} req/s  p50 ${f.p50Ms.toFixed(1).padStart(7)} ms  ` +
              `p99 ${f.p99Ms.toFixed(1).padStart(7)} ms  errors ${f.errors}  ${rss.join(', ')}  ` +
              `(${f.warmupSeconds}+${f.seconds.toFixed(0)} s)`,
          );
        }
      }
    }
    const dataset: Dataset = {
      size: b.size,
      seedScale: b.seedScale,
      seedSeconds: b.seedSeconds,
      ...counts,
      sample: { ...sample },
      equivalence,
      gatewayMarkedDown: gatewayDownCount(logDir) - downBefore,
    };
    return dataset;
  } finally {
    await close();
    await servers.stop();
  }
}

async function benchmark(
  opts: Options,
  stack: Stack,
  logDir: string,
): Promise<Omit<Report, 'machine' | 'date' | 'runtimeSeconds'>> {
  const built = await buildDatasets(stack, opts.sizes);
  const jwtKey = randomBytes(32).toString('hex');
  const datasets: Dataset[] = [];
  const runs: Run[] = [];
  for (const b of built) datasets.push(await benchDataset(opts, stack, b, jwtKey, logDir, runs));
  const { targets, connections, sizes, seconds, warmupSeconds, maxSeconds, db, poolSize, quick } = opts;
  return {
    versions: await versions(stack),
    method: { seconds, warmupSeconds, maxSeconds, connections, sizes, targets, db, poolSize, quick },
    operations: opts.ops.map((o) => ({ id: o.id, title: o.title, role: o.role })),
    datasets,
    runs,
  };
}

function writeResults(report: Report, out: string): void {
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.svg'), renderChart(report));
  writeFileSync(join(out, 'RESULTS.md'), renderResults(report, 'results.svg'));
  log(`wrote ${join(out, 'RESULTS.md')} and results.svg`);
}

async function main(): Promise<void> {
  let opts: Options;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench: ${err.message} (see --help)\n`);
    process.exitCode = 2;
    return;
  }
  if (opts.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  if (opts.render) {
    writeResults(JSON.parse(readFileSync(opts.render, 'utf8')) as Report, opts.out ?? join(REPO, 'bench'));
    return;
  }
  const t0 = performance.now();
  const loadavgStart = loadAverage();
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-'));
  chmodSync(dir, 0o755); // the stack's services run as the postgres user when we are root
  const logDir = join(dir, 'logs');
  mkdirSync(logDir);
  log(
    `bench: ${opts.targets.join(', ')}; ${opts.sizes.join(', ')}× data; ${opts.connections.join(', ')} connections; ` +
      `${opts.warmupSeconds} s warm-up + ${opts.seconds} s per run; server logs in ${logDir}`,
  );
  const stack = await startStack({ dir: join(dir, 'stack'), persistent: false, services: ['postgres', 'pgbouncer'] });
  let measured: Awaited<ReturnType<typeof benchmark>>;
  try {
    measured = await benchmark(opts, stack, logDir);
  } finally {
    await stack.stop();
  }
  const report: Report = {
    date: new Date().toISOString(),
    machine: machine(loadavgStart),
    ...measured,
    runtimeSeconds: Math.round((performance.now() - t0) / 1000),
  };
  rmSync(dir, { recursive: true, force: true });
  if (opts.report) {
    writeFileSync(opts.report, `${JSON.stringify(report, null, 2)}\n`);
    log(`report: ${opts.report}`);
  }
  if (opts.out) writeResults(report, opts.out);
  log(`done in ${report.runtimeSeconds} s`);
}

await main();
