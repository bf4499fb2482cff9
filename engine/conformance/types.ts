/** Shared types of the conformance runner. */

export type Verdict = 'pass' | 'fail' | 'error-soft' | 'skip';
export type Transport = 'http' | 'websocket' | 'subscription';
/** Endpoint a setup file is posted to upstream (the translator treats them alike; passthrough posts there). */
export type SetupEndpoint = '/v1/query' | '/v2/query' | '/v1/metadata';

export interface SetupFile {
  file: string; // absolute path
  endpoint: SetupEndpoint;
}

export interface FreshDatabase {
  /** Superuser URL of the new, empty database. */
  url: string;
  drop(): Promise<void>;
}

export interface DatabaseProvider {
  fresh(): Promise<FreshDatabase>;
  close(): Promise<void>;
}

/** Server settings a class asks for (pytest marks). */
export interface ServerSettings {
  adminSecret: boolean;
  jwt: 'rsa' | 'hmac' | null;
  env: Record<string, string>;
}

export interface PlannedTest {
  test: string;
  /** Case file path relative to the directory. */
  file: string;
  transports: Transport[];
  /** Reason this test cannot be run by a YAML runner (custom Python logic, xfail, …). */
  skip?: string;
  /** `add_auth=False`: the harness adds no auth headers. */
  addAuth: boolean;
  /** Upstream calls `check_query_admin_secret`: the case's headers plus the admin secret when one is configured. */
  adminSecretHelper?: boolean;
  /** Upstream runs the test only when an auth hook or JWT is configured (and sends no admin secret). */
  needsAuthorization?: boolean;
  referenced: boolean;
}

export interface PlannedClass {
  python: string;
  style: 'per-class' | 'per-class-v2' | 'mutation' | 'mutation-v2' | 'per-test';
  classSetup: SetupFile[];
  classTeardown: SetupFile[];
  testSetup: SetupFile[];
  testTeardown: SetupFile[];
  settings: ServerSettings;
  tests: PlannedTest[];
  skip?: string;
}

export interface PlannedDirectory {
  /** e.g. `graphql_query/basic` (manifest key without the leading `queries/`). */
  name: string;
  abs: string;
  /** Postgres case files of the directory (other backends' files excluded). */
  caseFiles: string[];
  classes: PlannedClass[];
}

export interface RunResult {
  class: string;
  test: string;
  file: string;
  referenced: boolean;
  transport: Transport;
  verdict: Verdict;
  reason?: string;
}

export interface CaseReport {
  file: string;
  directory: string;
  verdict: Verdict;
  reason?: string;
  referenced: boolean;
  runs: RunResult[];
}

export interface Totals {
  files: number;
  pass: number;
  fail: number;
  'error-soft': number;
  skip: number;
  passPct: number;
  skipPct: number;
}

export interface Report {
  suite: string;
  target: string;
  startedAt: string;
  cases: CaseReport[];
  directories: Record<string, Totals>;
  totals: Totals;
}
