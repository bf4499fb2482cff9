/**
 * Least-privilege grants for the runtime roles of db/init/01-roles.sql (docs/design.md "Roles"):
 * - ct_engine: SELECT on course tables; SELECT on the user tables its metadata exposes and INSERT/UPDATE/DELETE only
 *   on those behind Hasura mutations; nothing on identities, password credentials or reset tokens.
 * - ct_api: SELECT on course tables; full DML on user tables (it implements auth, profiles, friends and actions).
 * - ct_readonly: SELECT on every table (pgAdmin), including tables created later by ct_owner.
 */
import type { MigrationBuilder } from 'node-pg-migrate';
import {
  COURSE_TABLES,
  ENGINE_READ_TABLES,
  ENGINE_WRITE_TABLES,
  IDENTITY_SEQUENCES,
  USER_TABLES,
} from './lib/tables.js';

const RUNTIME_ROLES = 'ct_engine, ct_api, ct_readonly';
const list = (names: readonly string[]): string => names.join(', ');
const engineSequences = ENGINE_WRITE_TABLES.flatMap((t) =>
  t in IDENTITY_SEQUENCES ? [IDENTITY_SEQUENCES[t as keyof typeof IDENTITY_SEQUENCES]] : [],
);

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
revoke all on all tables in schema public from public;
revoke all on all sequences in schema public from public;
grant usage on schema public to ${RUNTIME_ROLES};

grant select on ${list(COURSE_TABLES)} to ct_engine, ct_api, ct_readonly;

grant select on ${list(ENGINE_READ_TABLES)} to ct_engine;
grant insert, update, delete on ${list(ENGINE_WRITE_TABLES)} to ct_engine;
grant usage on sequence ${list(engineSequences)} to ct_engine;

grant select, insert, update, delete on ${list(USER_TABLES)} to ct_api;
grant usage on sequence ${list(Object.values(IDENTITY_SEQUENCES))} to ct_api;

grant select on all tables in schema public to ct_readonly;
alter default privileges for role ct_owner in schema public grant select on tables to ct_readonly;
`);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`
alter default privileges for role ct_owner in schema public revoke select on tables from ct_readonly;
revoke all on all tables in schema public from ${RUNTIME_ROLES};
revoke all on all sequences in schema public from ${RUNTIME_ROLES};
revoke usage on schema public from ${RUNTIME_ROLES};
`);
}
