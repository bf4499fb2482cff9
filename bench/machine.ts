/** What the report says about the machine and the software versions of a run. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { HASURA_VERSION } from '../engine/src/index.js';
import type { Stack } from '../stack/src/harness.js';
import { runOk } from '../stack/src/processes.js';
import type { Report } from './report.js';
import { REPO } from './targets/child.js';

const round2 = (x: number): number => Math.round(x * 100) / 100;

export const loadAverage = (): number[] => loadavg().map(round2);

export function machine(loadavgStart: readonly number[]): Report['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `Linux ${release()}`,
    loadavgStart,
    loadavgEnd: loadAverage(),
  };
}

const pkgVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

export async function versions(stack: Stack): Promise<Record<string, string>> {
  const c = await stack.superClient();
  const postgres = await c
    .query<{ v: string }>("select current_setting('server_version') as v")
    .then((r) => r.rows[0]?.v ?? '')
    .finally(() => c.end());
  const bouncer = (await runOk('pgbouncer', ['--version']).catch(() => '')).split('\n')[0] ?? '';
  const commit = (await runOk('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO }).catch(() => '?')).trim();
  const dirty = (await runOk('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO }).catch(() => ''))
    .split('\n')
    .filter((l) => l.trim() !== '' && !/ bench\/(RESULTS\.md|results\.svg)$/.test(l)).length;
  return {
    commit: dirty > 0 ? `${commit} with ${dirty} uncommitted changed files` : commit,
    node: process.version,
    engine: `this repository's (Hasura ${HASURA_VERSION} compatible)`,
    postgraphile: pkgVersion('postgraphile'),
    'postgraphile-plugin-connection-filter': pkgVersion('postgraphile-plugin-connection-filter'),
    autocannon: pkgVersion('autocannon'),
    postgres,
    pgbouncer: bouncer.replace(/^PgBouncer\s+/i, ''),
  };
}
