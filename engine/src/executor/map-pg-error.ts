/**
 * Postgres errors → Hasura codes (src: Hasura/Backends/Postgres/Execute/Types.hs `mkTxErrorHandler`; reference A3).
 */
import { EngineError } from '../errors.js';

interface PgLikeError {
  code?: string;
  message: string;
  detail?: string;
  hint?: string;
}

export function mapPgError(err: unknown, statement: string, args: readonly unknown[]): EngineError {
  const e = err as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : '';
  const internal = {
    statement,
    prepared: true,
    arguments: args,
    error: {
      exec_status: 'FatalError',
      message: e.message,
      status_code: code,
      description: e.detail ?? null,
      hint: e.hint ?? null,
    },
  };
  // Expected errors carry no `internal`; only the catch-all "database query error" does (mkTxErrorHandler).
  const withInternal = (c: ConstructorParameters<typeof EngineError>[0], m: string): EngineError =>
    new EngineError(c, m, '$', c === 'unexpected' ? internal : undefined);
  switch (code) {
    case '23505':
      return withInternal('constraint-violation', `Uniqueness violation. ${e.message}`);
    case '23503':
      return withInternal('constraint-violation', `Foreign key violation. ${e.message}`);
    case '23502':
      return withInternal('constraint-violation', `Not-NULL violation. ${e.message}`);
    case '23001':
      return withInternal('constraint-violation', `Can not delete or update due to data being referred. ${e.message}`);
    case '23514':
      return withInternal('permission-error', `Check constraint violation. ${e.message}`);
    case '22025':
      return withInternal('bad-request', e.message);
    case '42P10':
      return withInternal('constraint-error', 'there is no unique or exclusion constraint on target column(s)');
    case '40001':
      return withInternal('concurrent-update', e.message);
    default:
      if (code.startsWith('22')) return withInternal('data-exception', e.message);
      return withInternal('unexpected', 'database query error');
  }
}
