/**
 * Discovery: turns the suite's MANIFEST.yaml into a plan of directories, classes, tests and setup files.
 * Nothing here names a test file: a fuller copy of the upstream suite runs unchanged.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PlannedClass, PlannedDirectory, PlannedTest, ServerSettings, SetupFile, Transport } from './types.js';

const OTHER_BACKEND = /_(mssql|citus|bigquery)(\.|_)/;

export function isOtherBackend(file: string): boolean {
  return OTHER_BACKEND.test(file.replace(/^.*\//, ''));
}

interface RawTest {
  test: string;
  files?: string[];
  transports?: string[];
  custom_python_logic?: boolean;
  extra_args?: string[];
  marks?: string[];
  helper?: string[];
}
interface RawClass {
  python: string;
  backends?: string[];
  setup?: string;
  transports?: string[];
  class_marks?: string[];
  class_attrs?: Record<string, unknown>;
  tests?: RawTest[];
}
interface RawDir {
  files?: Record<string, string>;
  classes?: RawClass[];
  unreferenced_case_files?: string[];
}

export function parseMarks(marks: readonly string[]): ServerSettings {
  const s: ServerSettings = { adminSecret: false, jwt: null, env: {} };
  for (const m of marks) {
    if (/^pytest\.mark\.admin_secret\b/.test(m)) s.adminSecret = true;
    const jwt = /^pytest\.mark\.jwt\(\s*['"](\w+)['"]/.exec(m);
    if (jwt) s.jwt = jwt[1] === 'rsa' ? 'rsa' : 'hmac';
    const env = /^pytest\.mark\.hge_env\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]*)['"]\s*\)/.exec(m);
    if (env?.[1] !== undefined && env[2] !== undefined) s.env[env[1]] = env[2];
  }
  return s;
}

function setupStyle(raw: RawClass): PlannedClass['style'] {
  const text = raw.setup ?? '';
  const v2 = raw.class_attrs?.['setup_metadata_api_version'] === 'v2' || /\bv2\b/.test(text.split(':')[0] ?? '');
  if (text.startsWith('mutation')) return v2 ? 'mutation-v2' : 'mutation';
  if (text.startsWith('per-test')) return 'per-test';
  return v2 ? 'per-class-v2' : 'per-class';
}

function asList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  return undefined;
}

/** The setup/teardown files the upstream fixtures post, in order, for one setup style. */
export function setupFiles(
  style: PlannedClass['style'],
  dir: string,
  attrs: Record<string, unknown> = {},
): Pick<PlannedClass, 'classSetup' | 'classTeardown' | 'testSetup' | 'testTeardown'> {
  const f = (name: string, endpoint: SetupFile['endpoint']): SetupFile => ({ file: join(dir, name), endpoint });
  const override = (key: string, dflt: string[], endpoint: SetupFile['endpoint']): SetupFile[] =>
    (asList(attrs[key]) ?? dflt).map((n) => f(n, endpoint));
  switch (style) {
    case 'per-class':
      return {
        classSetup: override('setup_files', ['setup.yaml'], '/v1/query'),
        classTeardown: override('teardown_files', ['teardown.yaml'], '/v1/query'),
        testSetup: [],
        testTeardown: [],
      };
    case 'per-class-v2':
      return {
        classSetup: [f('schema_setup.yaml', '/v2/query'), ...override('setup_files', ['setup.yaml'], '/v1/metadata')],
        classTeardown: [
          ...override('teardown_files', ['teardown.yaml'], '/v1/metadata'),
          f('schema_teardown.yaml', '/v2/query'),
        ],
        testSetup: [],
        testTeardown: [],
      };
    case 'mutation':
      return {
        classSetup: [f('schema_setup.yaml', '/v1/query')],
        classTeardown: [f('schema_teardown.yaml', '/v1/query')],
        testSetup: [f('values_setup.yaml', '/v1/query')],
        testTeardown: [f('values_teardown.yaml', '/v1/query')],
      };
    case 'mutation-v2':
      return {
        classSetup: [f('schema_setup.yaml', '/v2/query'), f('setup.yaml', '/v1/metadata')],
        classTeardown: [f('teardown.yaml', '/v1/metadata'), f('schema_teardown.yaml', '/v2/query')],
        testSetup: [f('values_setup.yaml', '/v2/query')],
        testTeardown: [f('values_teardown.yaml', '/v2/query')],
      };
    case 'per-test':
      return {
        classSetup: [],
        classTeardown: [],
        testSetup: [f('setup.yaml', '/v1/query')],
        testTeardown: [f('teardown.yaml', '/v1/query')],
      };
  }
}

const TRANSPORTS: readonly Transport[] = ['http', 'websocket', 'subscription'];
function transports(list: readonly string[] | undefined): Transport[] {
  return (list ?? ['http']).filter((t): t is Transport => (TRANSPORTS as readonly string[]).includes(t));
}

function isPostgresClass(c: RawClass): boolean {
  return (c.backends ?? ['postgres']).some((b) => b.startsWith('postgres'));
}

/**
 * Upstream test bodies that run their case only under a condition the MANIFEST does not record (transcribed from
 * tests-py): `test_backend_user_no_admin_secret_fail` runs only when authorization (JWT or auth hook) is configured,
 * with the admin secret withheld, and is skipped by pytest otherwise.
 */
const NEEDS_AUTHORIZATION = new Set(['test_backend_user_no_admin_secret_fail']);

function planTest(t: RawTest, file: string, cls: RawClass): PlannedTest {
  const extra = t.extra_args ?? [];
  const xfail = (t.marks ?? []).find((m) => m.includes('xfail'));
  const test: PlannedTest = {
    test: t.test,
    file,
    transports: transports(t.transports ?? cls.transports),
    addAuth: !extra.some((a) => /add_auth\s*=\s*False/.test(a) || a.trim() === 'False'),
    referenced: true,
  };
  if ((t.helper ?? []).includes('check_query_admin_secret')) test.adminSecretHelper = true;
  if (NEEDS_AUTHORIZATION.has(t.test)) test.needsAuthorization = true;
  if (t.custom_python_logic) test.skip = 'upstream test needs custom Python logic (custom_python_logic in MANIFEST)';
  else if (xfail) test.skip = `upstream marks it expected to fail: ${xfail}`;
  return test;
}

export function suiteBase(suite: string, firstKey: string): string {
  for (const base of [suite, join(suite, 'server', 'tests-py')]) if (existsSync(join(base, firstKey))) return base;
  throw new Error(`cannot locate manifest directory ${firstKey} under ${suite}`);
}

export function loadPlan(suite: string): PlannedDirectory[] {
  const raw = parse(readFileSync(join(suite, 'MANIFEST.yaml'), 'utf8')) as Record<string, RawDir>;
  const keys = Object.keys(raw);
  if (keys.length === 0) return [];
  const base = suiteBase(suite, keys[0] ?? '');
  const out: PlannedDirectory[] = [];
  for (const key of keys) {
    const d = raw[key] ?? {};
    const abs = join(base, key);
    const name = key.replace(/^queries\/?/, '') || '.';
    const caseFiles = Object.entries(d.files ?? {})
      .filter(([f, kind]) => kind === 'case' && !isOtherBackend(f))
      .map(([f]) => f);
    const classes: PlannedClass[] = [];
    const referenced = new Set<string>();
    for (const c of d.classes ?? []) {
      if (!isPostgresClass(c)) continue;
      const style = setupStyle(c);
      const tests: PlannedTest[] = [];
      for (const t of c.tests ?? []) {
        for (const file of t.files ?? []) {
          if (isOtherBackend(file)) continue;
          const onDisk = existsSync(join(abs, file));
          if (!onDisk && !caseFiles.includes(file)) continue; // not part of this copy
          referenced.add(file);
          if (!caseFiles.includes(file)) caseFiles.push(file);
          tests.push(planTest(t, file, c));
        }
      }
      // subscriptions/*/steps.yaml: driven by subscription-steps.ts under the directory's first class
      const stepsFile = Object.entries(d.files ?? {}).find(([, kind]) => kind === 'steps')?.[0];
      if (stepsFile && classes.length === 0) {
        if (!caseFiles.includes(stepsFile)) caseFiles.push(stepsFile);
        referenced.add(stepsFile);
        tests.push({ test: '(steps)', file: stepsFile, transports: ['http'], addAuth: true, referenced: true });
      }
      classes.push({
        python: c.python,
        style,
        ...setupFiles(style, abs, c.class_attrs ?? {}),
        settings: parseMarks(c.class_marks ?? []),
        tests,
      });
    }
    const unreferenced = caseFiles.filter((f) => !referenced.has(f));
    if (unreferenced.length > 0) {
      const host =
        classes.find((c) => c.style === 'per-class' || c.style === 'per-class-v2') ??
        classes.find((c) => c.style !== 'per-test');
      const tests = unreferenced.map((file): PlannedTest => ({
        test: '(unreferenced)',
        file,
        transports: ['http'],
        addAuth: true,
        referenced: false,
      }));
      if (host) {
        host.tests.push(...tests);
      } else {
        const skip =
          'case file not referenced by any upstream Postgres test, and no Postgres class setup to run it under';
        classes.push({
          python: '(unreferenced files)',
          style: 'per-class',
          ...setupFiles('per-class', abs),
          settings: parseMarks([]),
          tests: tests.map((t) => ({ ...t, skip })),
        });
      }
    }
    out.push({ name, abs, caseFiles, classes });
  }
  return out;
}
