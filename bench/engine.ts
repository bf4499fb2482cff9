/**
 * `npm run bench:engine`: throughput and latency of CourseTable-shaped queries through the engine (HTTP, over
 * pgbouncer as ct_engine) against the same compiled SQL run directly through `pg`, interleaved in one run.
 * A benchmark that prints figures, not a timed test.
 *
 *   tsx bench/engine.ts [--duration <s>] [--connections <n>] [--report <file.json>]
 *
 * Throwaway stack (stack/src/harness.ts) with the default seed {seed: 1, scale: 1}; loopback only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { createRuntime, loadMetadataDir, makeSession, startEngineServer } from '../engine/src/index.js';
import { startStack } from '../stack/src/harness.js';
import { buildDatabase } from '../stack/src/template.js';

interface Figures {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly errors: number;
}

interface Case {
  readonly name: string;
  readonly query: string;
  readonly variables: (ids: Ids) => Record<string, unknown>;
}

interface Ids {
  readonly listingId: number;
  readonly season: string;
  readonly professorId: number;
}

const CASES: readonly Case[] = [
  {
    name: 'course by listing id (professors, meetings)',
    query: `query($id: Int!) { listings_by_pk(listing_id: $id) { course_code section course { title description
      course_professors { professor { professor_id name } } course_meetings { days_of_week start_time end_time } } } }`,
    variables: (i) => ({ id: i.listingId }),
  },
  {
    name: 'all courses of a season',
    query: `query($season: String!) { courses(where: {season_code: {_eq: $season}}) { course_id title section
      listings { course_code } } }`,
    variables: (i) => ({ season: i.season }),
  },
  {
    name: 'professor with courses',
    query: `query($id: Int!) { professors_by_pk(professor_id: $id) { name course_professors { course { title season_code } } } }`,
    variables: (i) => ({ id: i.professorId }),
  },
  {
    name: 'aggregate (courses per season)',
    query: `query($season: String!) { courses_aggregate(where: {season_code: {_eq: $season}}) { aggregate { count } } }`,
    variables: (i) => ({ season: i.season }),
  },
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runEngine(url: string, body: string, seconds: number, connections: number): Promise<Figures> {
  const r = await autocannon({
    url,
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
    connections,
    duration: seconds,
  });
  return {
    requestsPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.non2xx,
  };
}

/** The same fixed concurrency over a pg pool: `connections` workers each running the statement back to back. */
async function runRaw(
  pool: pg.Pool,
  q: { text: string; values: unknown[] },
  seconds: number,
  connections: number,
): Promise<Figures> {
  const lat: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await pool.query(q);
      } catch {
        errors++;
      }
      lat.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return {
    requestsPerSec: lat.length / elapsed,
    p50Ms: percentile(lat, 50),
    p99Ms: percentile(lat, 99),
    requests: lat.length,
    errors,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      report: { type: 'string' },
    },
    strict: true,
  });
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'ct-bench-'));
  const stack = await startStack({ dir, persistent: false, services: ['postgres', 'pgbouncer'], log: () => undefined });
  try {
    log('building the database (migrations + seed {seed: 1, scale: 1}) …');
    const built = await buildDatabase(stack, 'coursetable', { seed: { seed: 1, scale: 1 } });
    if (!built.seeded) throw new Error('the database could not be migrated and seeded');
    const databaseUrl = stack.bouncerUrl('coursetable', 'ct_engine');
    const metadata = await loadMetadataDir(resolve('hasura/metadata'));
    // A throwaway secret for this run only (Hasura requires one for an unauthorized role); requests send no headers.
    const secret = `bench-${process.pid}-${Date.now()}`;
    const env = {
      HASURA_GRAPHQL_ADMIN_SECRET: secret,
      HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous',
      HASURA_GRAPHQL_PG_CONNECTIONS: String(connections),
    };
    const server = await startEngineServer({ metadata, databaseUrl, env, host: '127.0.0.1', port: 0 });
    const compiler = await createRuntime({ metadata, databaseUrl, env });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    try {
      const ids = await pool.query<{ listing_id: number; season_code: string; professor_id: number }>(
        `SELECT (SELECT listing_id FROM listings ORDER BY listing_id LIMIT 1) AS listing_id,
                (SELECT season_code FROM courses GROUP BY season_code ORDER BY count(*) DESC LIMIT 1) AS season_code,
                (SELECT professor_id FROM course_professors GROUP BY professor_id ORDER BY count(*) DESC LIMIT 1) AS professor_id`,
      );
      const row = ids.rows[0];
      if (!row) throw new Error('no sample data');
      const sample: Ids = { listingId: row.listing_id, season: row.season_code, professorId: row.professor_id };
      const url = `${server.url.replace(/\/$/, '')}/v1/graphql`;
      const results: Record<string, unknown>[] = [];
      for (const c of CASES) {
        const req = { query: c.query, variables: c.variables(sample) };
        const compiled = compiler.liveQueries().compile(req, makeSession('anonymous', {}));
        if (!compiled.query) throw new Error(`${c.name}: nothing to run`);
        const raw = { text: compiled.query.text, values: [...compiled.query.values] };
        const body = JSON.stringify(req);
        await runEngine(url, body, 1, connections); // warm-up
        await runRaw(pool, raw, 1, connections);
        const engine = await runEngine(url, body, seconds, connections);
        const direct = await runRaw(pool, raw, seconds, connections);
        const ratio = engine.requestsPerSec / direct.requestsPerSec;
        results.push({ name: c.name, engine, raw: direct, engineToRaw: ratio });
        log(
          `${c.name.padEnd(45)} engine ${engine.requestsPerSec.toFixed(0).padStart(6)} req/s p50 ${engine.p50Ms.toFixed(1)} ms p99 ${engine.p99Ms.toFixed(1)} ms | ` +
            `raw ${direct.requestsPerSec.toFixed(0).padStart(6)} req/s p50 ${direct.p50Ms.toFixed(1)} ms p99 ${direct.p99Ms.toFixed(1)} ms | engine/raw ${ratio.toFixed(2)}`,
        );
      }
      const rssMb = process.memoryUsage().rss / 2 ** 20;
      log(
        `process RSS (engine server + runner, one process): ${rssMb.toFixed(0)} MB; connections ${connections}, ${seconds}s per run`,
      );
      const report = { date: new Date().toISOString(), connections, seconds, rssMb, cases: results };
      if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await pool.end();
      await compiler.close();
      await server.close();
    }
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
