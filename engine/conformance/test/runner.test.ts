/**
 * Runs the runner on real directories of the suite against our engine, on databases from the test helpers.
 * A copy of one directory with one corrupted expectation proves the runner can fail a case.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { testStack } from '../../../stack/src/testing.js';
import { loadPlan } from '../manifest.js';
import { stackDatabases } from '../pg-cluster.js';
import { filterPlan } from '../plan-filter.js';
import { byDirectory, totals } from '../report.js';
import { runPlan } from '../runner.js';
import { LocalEngineTarget, loadStartEngineServer } from '../targets.js';
import type { CaseReport } from '../types.js';

const suite = resolve(import.meta.dirname, '../../../../shared/conformance/hasura');
const DIRS = ['graphql_query/limits', 'graphql_query/offset'];

async function run(suiteDir: string, only: string[]): Promise<CaseReport[]> {
  const target = new LocalEngineTarget(stackDatabases(testStack()), await loadStartEngineServer());
  try {
    return await runPlan(filterPlan(loadPlan(suiteDir), only), {
      target,
      auth: 'none',
      transports: ['http'],
      webhookUrl: () => Promise.reject(new Error('no webhook in this test')),
      jobs: 2,
      log: () => undefined,
    });
  } finally {
    await target.close();
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'conformance-suite-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('conformance runner on the engine', () => {
  it('reports every Postgres case file of the selected directories once, with consistent totals', async () => {
    const cases = await run(suite, DIRS);
    const expected = filterPlan(loadPlan(suite), DIRS).flatMap((d) => d.caseFiles.map((f) => `${d.name}/${f}`));
    expect(cases.map((c) => `${c.directory}/${c.file}`).sort()).toEqual(expected.sort());
    for (const c of cases) {
      expect(['pass', 'fail', 'error-soft', 'skip']).toContain(c.verdict);
      if (c.verdict !== 'pass') expect(c.reason).toBeTruthy();
      expect(c.runs.length).toBeGreaterThan(0);
    }
    const t = totals(cases);
    expect(t.pass + t.fail + t['error-soft'] + t.skip).toBe(t.files);
    expect(Object.keys(byDirectory(cases)).sort()).toEqual([...DIRS].sort());
    // limits and offset are plain selects with argument errors: the engine must pass them all
    const notPassing = cases.filter((c) => c.verdict !== 'pass').map((c) => `${c.file}: ${c.reason ?? ''}`);
    expect(notPassing).toEqual([]);
  });

  it('fails a case whose expectation does not match what the engine answers', async () => {
    const from = join(suite, 'server/tests-py/queries/graphql_query/limits');
    const to = join(tmp, 'server/tests-py/queries/graphql_query/limits');
    cpSync(from, to, { recursive: true });
    const manifest = parse(readFileSync(join(suite, 'MANIFEST.yaml'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(tmp, 'MANIFEST.yaml'),
      stringify({ 'queries/graphql_query/limits': manifest['queries/graphql_query/limits'] }),
    );
    const file = join(to, 'select_query_article_limit_1.yaml');
    const doc = parse(readFileSync(file, 'utf8')) as { response: { data: { article: { title: string }[] } } };
    const first = doc.response.data.article[0];
    if (!first) throw new Error('fixture changed: no article in the expected response');
    first.title = `${first.title} (corrupted)`;
    writeFileSync(file, stringify(doc));
    const cases = await run(tmp, ['graphql_query/limits']);
    const corrupted = cases.find((c) => c.file === 'select_query_article_limit_1.yaml');
    expect(corrupted?.verdict).toBe('fail');
    expect(corrupted?.reason).toMatch(/corrupted/);
    expect(cases.filter((c) => c.verdict === 'pass')).toHaveLength(cases.length - 1);
  });
});
