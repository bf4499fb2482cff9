/**
 * Conformance runner entry point:
 *   tsx engine/conformance/cli.ts --suite <dir> [--only <glob>]… [--report <file.json>] [--auth <mode>]
 *     [--transports http,websocket] [--ws-protocol graphql-ws|graphql-transport-ws] [--jobs N] [--database-url <superuser url>] [--fail-under <pct>]
 *     [--endpoint <url> --passthrough [--admin-secret <s>]] [--env KEY=VALUE]… [--verbose]
 * Exit code: 0 unless the runner itself failed (1), or `--fail-under` was not met (2).
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AUTH_MODES, startAuthWebhook } from './auth.js';
import type { AuthMode } from './auth.js';
import { splitGlobs } from './glob.js';
import { loadPlan } from './manifest.js';
import { serverDatabases, startThrowawayCluster } from './pg-cluster.js';
import { filterPlan } from './plan-filter.js';
import { byDirectory, table, totals } from './report.js';
import { runPlan } from './runner.js';
import { LocalEngineTarget, PassthroughTarget, loadStartEngineServer } from './targets.js';
import type { Target } from './targets.js';
import type { Report, Transport } from './types.js';
import { WS_PROTOCOLS } from './ws.js';
import type { WsProtocol } from './ws.js';

const here = dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    suite: { type: 'string', default: resolve(here, '../../../shared/conformance/hasura') },
    only: { type: 'string', multiple: true, default: [] },
    report: { type: 'string' },
    auth: { type: 'string', default: 'none' },
    transports: { type: 'string', default: 'http' },
    'ws-protocol': { type: 'string', default: 'graphql-ws' },
    jobs: { type: 'string', default: '2' },
    'database-url': { type: 'string' },
    'fail-under': { type: 'string' },
    endpoint: { type: 'string' },
    passthrough: { type: 'boolean', default: false },
    'admin-secret': { type: 'string' },
    'action-handler-port': { type: 'string', default: '0' },
    env: { type: 'string', multiple: true, default: [] },
    verbose: { type: 'boolean', default: false },
  },
  strict: true,
});

async function main(): Promise<number> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  const auth = values.auth as AuthMode;
  if (!AUTH_MODES.includes(auth)) throw new Error(`--auth must be one of ${AUTH_MODES.join(', ')}`);
  const wsProtocol = values['ws-protocol'] as WsProtocol;
  if (!WS_PROTOCOLS.includes(wsProtocol)) throw new Error(`--ws-protocol must be one of ${WS_PROTOCOLS.join(', ')}`);
  const transports = values.transports.split(',').map((t) => t.trim()) as Transport[];
  const only = values.only.flatMap(splitGlobs);
  const suite = resolve(values.suite);
  const plan = filterPlan(loadPlan(suite), only);
  if (plan.length === 0) throw new Error(`no directory of ${suite} matches --only ${only.join(',')}`);

  const extraEnv = Object.fromEntries(
    values.env.map((kv) => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
    }),
  );
  let target: Target;
  if (values.passthrough || values.endpoint) {
    if (!values.endpoint || !values.passthrough) throw new Error('--endpoint and --passthrough go together');
    const secret = values['admin-secret'] ?? null;
    const port = Number(values['action-handler-port']) || 0;
    const actions = await PassthroughTarget.startActionHandler(values.endpoint, secret, port);
    log(`action handler on ${actions.url} (start the Hasura under test with ACTION_WEBHOOK_HANDLER=${actions.url})`);
    target = new PassthroughTarget(values.endpoint, secret, actions);
  } else {
    const start = await loadStartEngineServer();
    const dbs = values['database-url'] ? serverDatabases(values['database-url']) : await startThrowawayCluster(log);
    target = new LocalEngineTarget(dbs, start, extraEnv);
  }
  let webhook: { url: string; close(): Promise<void> } | null = null;
  const startedAt = new Date().toISOString();
  try {
    const cases = await runPlan(plan, {
      target,
      auth,
      transports,
      jobs: Math.max(1, Number(values.jobs) || 1),
      wsProtocol,
      log,
      webhookUrl: async () => (webhook ??= await startAuthWebhook()).url,
    });
    if (values.verbose) {
      for (const c of cases)
        if (c.verdict !== 'pass') log(`${c.verdict.padEnd(10)} ${c.directory}/${c.file}: ${c.reason ?? ''}`);
    }
    const dirs = byDirectory(cases);
    const all = totals(cases);
    process.stdout.write(`${table(dirs, all)}\n`);
    const report: Report = { suite, target: target.name, startedAt, cases, directories: dirs, totals: all };
    if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    const failUnder = values['fail-under'];
    if (failUnder !== undefined && all.passPct < Number(failUnder)) {
      log(`pass rate ${all.passPct}% is under --fail-under ${failUnder}%`);
      return 2;
    }
    return 0;
  } finally {
    await target.close().catch(() => undefined);
    const w = webhook as { close(): Promise<void> } | null;
    if (w) await w.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`conformance runner error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
