/**
 * E-mail verification (issue 14, account pre-hijacking): `users.email_verified_at` records when the address was
 * proven (a verification link, a password reset, or an identity provider vouching for it at account creation); only a
 * verified account is linked to a new CAS/OIDC identity by its e-mail. Verification tokens are stored like reset
 * tokens: only their SHA-256, single use, expiring, bound to the address they were sent to.
 *
 * Existing rows stay unverified (NULL): nothing recorded which addresses were ever proven, so none is trusted for
 * linking. Accounts that already have their identity keep logging in through it.
 */
import type { MigrationBuilder } from 'node-pg-migrate';

export function up(pgm: MigrationBuilder): void {
  pgm.sql(`
alter table users add column email_verified_at timestamptz;

create table email_verification_tokens (
  token_hash char(64) primary key,
  user_id integer not null references users (user_id) on delete cascade,
  email citext not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  constraint email_verification_tokens_token_hash_check check (token_hash ~ '^[0-9a-f]{64}$')
);
create index email_verification_tokens_user_id_idx on email_verification_tokens (user_id);

-- Like the other token tables: the API only; never the GraphQL engine; pgAdmin (ct_readonly) without the hash.
grant select, insert, update, delete on email_verification_tokens to ct_api;
revoke all on email_verification_tokens from ct_engine, ct_readonly;
grant select (user_id, email, expires_at, used_at, created_at) on email_verification_tokens to ct_readonly;
`);
}

export function down(pgm: MigrationBuilder): void {
  pgm.sql(`
drop table email_verification_tokens;
alter table users drop column email_verified_at;
`);
}
