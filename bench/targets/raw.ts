/**
 * Target (c): the engine's compiled SQL through `pg` (bench/targets/raw-server.ts). The statements are compiled
 * here, in the bench process, by the engine core (`Runtime.liveQueries().compile`, the same cached plan + compile
 * path `execute` uses) for each operation's role and the run's sample ids; the server only binds and runs them.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRuntime, loadMetadataDir, makeSession } from '../../engine/src/index.js';
import { freePort } from '../../stack/src/processes.js';
import { operationName, type Operation, type Sample } from '../workload.js';
import { answers, REPO, startChild, type Child } from './child.js';

export interface RawStatement {
  readonly text: string;
  readonly values: unknown[];
  /** Response fields in order: a column of the statement's one row, or a constant JSON text. */
  readonly parts: readonly { alias: string; column?: string; json?: string }[];
}

/** The compiled statement of every operation's engine document, keyed by operation name. */
export async function compileStatements(
  databaseUrl: string,
  ops: readonly Operation[],
  sample: Sample,
): Promise<Record<string, RawStatement>> {
  const metadata = await loadMetadataDir(resolve(REPO, 'hasura', 'metadata'));
  const rt = await createRuntime({ metadata, databaseUrl, env: {} });
  try {
    const out: Record<string, RawStatement> = {};
    for (const op of ops) {
      const session =
        op.role === 'student'
          ? makeSession('student', { 'x-hasura-user-id': String(sample.userId) })
          : makeSession('anonymous', {});
      const name = operationName(op);
      const compiled = rt
        .liveQueries()
        .compile({ query: op.engine, variables: op.variables(sample), operationName: name }, session);
      if (!compiled.query) throw new Error(`${op.id}: the engine compiled no statement`);
      out[name] = { text: compiled.query.text, values: [...compiled.query.values], parts: compiled.parts };
    }
    return out;
  } finally {
    await rt.close();
  }
}

export async function startRaw(opts: {
  databaseUrl: string;
  poolSize: number;
  statements: Record<string, RawStatement>;
  logDir: string;
}): Promise<Child> {
  const port = await freePort();
  const statementsFile = join(opts.logDir, 'raw-statements.json');
  writeFileSync(statementsFile, JSON.stringify(opts.statements));
  const url = `http://127.0.0.1:${port}/graphql`;
  const first = Object.keys(opts.statements)[0] ?? '';
  return startChild(
    {
      name: 'raw',
      entry: 'bench/targets/raw-server.ts',
      config: { databaseUrl: opts.databaseUrl, port, poolSize: opts.poolSize, statementsFile },
      url,
      ready: () => answers(url, { method: 'POST', body: JSON.stringify({ operationName: first }) }),
    },
    opts.logDir,
  );
}
