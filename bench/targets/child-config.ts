/**
 * How the bench hands settings to the servers it starts as child processes: one JSON object in the environment
 * (`BENCH_CHILD`), so the database password never appears in a process list.
 */
export interface ChildConfig {
  /** Postgres URL (role ct_engine, through pgbouncer unless --db direct). */
  readonly databaseUrl: string;
  readonly port: number;
  readonly poolSize: number;
  /** HS256 key of the run's student tokens (PostGraphile verifies them itself). */
  readonly jwtKey?: string;
  /** The raw-SQL server: compiled statements by operation name. */
  readonly statementsFile?: string;
}

export const CHILD_ENV = 'BENCH_CHILD';

export function readChildConfig(): ChildConfig {
  const raw = process.env[CHILD_ENV];
  if (!raw) throw new Error(`${CHILD_ENV} is not set (this server is started by bench/run.ts)`);
  return JSON.parse(raw) as ChildConfig;
}
