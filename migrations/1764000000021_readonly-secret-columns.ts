/**
 * ct_readonly (pgAdmin) no longer reads password hashes or token hashes: every column whose name says it holds a
 * secret (lib/secret-columns.ts) is hidden, the rest of each table stays readable. Runs over the catalog, so it covers
 * whatever tables exist when it runs (password_credentials, password_reset_tokens, email_verification_tokens).
 */
import type { MigrationBuilder } from 'node-pg-migrate';
import { hideSecretColumnsSql } from './lib/secret-columns.js';

export function up(pgm: MigrationBuilder): void {
  pgm.sql(hideSecretColumnsSql());
}

/** The tables whose secret columns ct_readonly could read before (1764000000002 granted SELECT on every table). */
const READABLE_BEFORE = 'password_credentials, password_reset_tokens';

export function down(pgm: MigrationBuilder): void {
  // The revoke clears the column grants too; then table-level SELECT as before.
  pgm.sql(`
revoke select on ${READABLE_BEFORE} from ct_readonly;
grant select on ${READABLE_BEFORE} to ct_readonly;
`);
}
