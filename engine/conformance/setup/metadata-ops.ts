/**
 * Applies the legacy `/v1/query`, `/v2/query` and `/v1/metadata` operations of the suite's setup files to an
 * in-memory v3 metadata object (pure: no I/O). SQL-bearing operations (`run_sql`, `insert`) come out as actions,
 * in order, for the caller to run on a direct connection. The operations themselves are the engine's own
 * (`engine/src/metadata/object-ops.ts`, which also serves `/v1/metadata` and `/v1/query`), so the runner and the
 * engine cannot drift apart; here an operation the engine refuses becomes an `UnsupportedOperation` of the runner.
 */
import type { HasuraMetadata } from '../../src/index.js';
import { EngineError } from '../../src/errors.js';
import { applyObjectOperation, type SetupAction } from '../../src/metadata/object-ops.js';

export { qualifyTable, type QualifiedTable, type SetupAction } from '../../src/metadata/object-ops.js';

export class UnsupportedOperation extends Error {}

/** The metadata the runner starts from: one `default` Postgres source, nothing tracked. */
export function emptyMetadata(): HasuraMetadata {
  return {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        tables: [],
        functions: [],
        configuration: {
          connection_info: {
            database_url: { from_env: 'HASURA_GRAPHQL_DATABASE_URL' },
            isolation_level: 'read-committed',
            use_prepared_statements: false,
          },
        },
      },
    ],
  };
}

/** Apply one operation (bulk recursively). Returns the SQL actions it implies, in order. */
export function applyOperation(md: HasuraMetadata, op: unknown): SetupAction[] {
  let actions: SetupAction[] | null;
  try {
    actions = applyObjectOperation(md, op);
  } catch (err) {
    if (err instanceof EngineError) throw new UnsupportedOperation(err.message);
    throw err;
  }
  if (actions === null) {
    const type = (op as { type?: unknown }).type;
    throw new UnsupportedOperation(`setup operation ${String(type)} is not supported by the runner`);
  }
  return actions;
}

/** Translate a setup file body onto a copy of `md`. */
export function translateSetup(
  body: unknown,
  md: HasuraMetadata,
): { metadata: HasuraMetadata; actions: SetupAction[]; metadataChanged: boolean } {
  const copy = structuredClone(md);
  const before = JSON.stringify(md);
  const list = Array.isArray(body) ? body : [body];
  const out = list.flatMap((op) => applyOperation(copy, op));
  return { metadata: copy, actions: out, metadataChanged: JSON.stringify(copy) !== before };
}
