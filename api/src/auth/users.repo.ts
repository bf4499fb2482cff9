/** Users, identities and password credentials (role ct_api, plain parameterised queries: pgbouncer-safe). */
import type { Pool, PoolClient } from '../clients/pg.js';
import { withTransaction } from '../clients/pg.js';

export interface UserRow {
  user_id: number;
  email: string | null;
  display_name: string;
  has_evals: boolean;
  evals_granted_by: 'rule' | 'admin' | null;
  /** When the address was proven (verification link, password reset by mail, or an IdP at creation); null = never. */
  email_verified_at: Date | null;
}

const USER_COLS = 'user_id, email, display_name, has_evals, evals_granted_by, email_verified_at';

export async function findUserById(pool: Pool, userId: number): Promise<UserRow | undefined> {
  const r = await pool.query<UserRow>(`select ${USER_COLS} from users where user_id = $1`, [userId]);
  return r.rows[0];
}

export async function findPasswordUser(
  pool: Pool,
  email: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const r = await pool.query<UserRow & { password_hash: string }>(
    `select u.user_id, u.email, u.display_name, u.has_evals, u.evals_granted_by, u.email_verified_at, c.password_hash
       from users u join password_credentials c using (user_id) where u.email = $1`,
    [email],
  );
  return r.rows[0];
}

export async function findUserByEmail(pool: Pool, email: string): Promise<UserRow | undefined> {
  const r = await pool.query<UserRow>(`select ${USER_COLS} from users where email = $1`, [email]);
  return r.rows[0];
}

/** Insert a user with a password; undefined if the email is taken. */
export async function createPasswordUser(
  pool: Pool,
  input: { email: string; displayName: string; passwordHash: string },
): Promise<UserRow | undefined> {
  return withTransaction(pool, async (c) => {
    const r = await c.query<UserRow>(
      `insert into users (email, display_name) values ($1, $2) on conflict (email) do nothing returning ${USER_COLS}`,
      [input.email, input.displayName],
    );
    const user = r.rows[0];
    if (!user) return undefined;
    await c.query(`insert into password_credentials (user_id, password_hash, updated_at) values ($1, $2, now())`, [
      user.user_id,
      input.passwordHash,
    ]);
    return user;
  });
}

export async function setPassword(c: Pool | PoolClient, userId: number, passwordHash: string): Promise<void> {
  await c.query(
    `insert into password_credentials (user_id, password_hash, updated_at) values ($1, $2, now())
     on conflict (user_id) do update set password_hash = excluded.password_hash, updated_at = now()`,
    [userId, passwordHash],
  );
}

export interface ExternalIdentity {
  provider: 'cas' | 'oidc';
  issuer: string;
  subject: string;
  email: string | null;
  /**
   * Whether the provider vouches for the address. Linking to an existing account by email needs this AND the account's
   * own proof of the address (`email_verified_at`).
   */
  emailVerified: boolean;
  displayName: string;
}

/**
 * The user behind an external identity, created (or linked by verified email) on first login.
 *
 * Account pre-hijacking: a password sign-up proves nothing about the mailbox, so an attacker can register the victim's
 * address first and keep the password. Such an unverified account is never linked: the identity gets an account of
 * its own (without the email, which stays unique), and none of the identity's privileges (evaluation access at login)
 * reach the unverified row.
 */
export async function upsertIdentityUser(pool: Pool, id: ExternalIdentity): Promise<UserRow> {
  return withTransaction(pool, async (c) => {
    const found = await c.query<UserRow>(
      `select ${USER_COLS.split(', ')
        .map((col) => `u.${col}`)
        .join(', ')}
         from user_identities i join users u using (user_id)
        where i.provider = $1 and i.issuer = $2 and i.subject = $3`,
      [id.provider, id.issuer, id.subject],
    );
    if (found.rows[0]) return found.rows[0];
    let user: UserRow | undefined;
    if (id.email && id.emailVerified) {
      user = (
        await c.query<UserRow>(
          `select ${USER_COLS} from users where email = $1 and email_verified_at is not null for update`,
          [id.email],
        )
      ).rows[0];
    }
    if (!user) {
      const taken = id.email ? (await c.query(`select 1 from users where email = $1`, [id.email])).rowCount : 0;
      const email = taken ? null : id.email;
      user = (
        await c.query<UserRow>(
          `insert into users (email, display_name, email_verified_at)
           values ($1, $2, case when $1::citext is not null and $3::boolean then now() end) returning ${USER_COLS}`,
          [email, id.displayName.slice(0, 100) || id.subject.slice(0, 100), id.emailVerified],
        )
      ).rows[0];
    }
    if (!user) throw new Error('user insert returned no row');
    await c.query(
      `insert into user_identities (user_id, provider, issuer, subject) values ($1, $2, $3, $4)
       on conflict (provider, issuer, subject) do nothing`,
      [user.user_id, id.provider, id.issuer, id.subject],
    );
    return user;
  });
}

/**
 * Record the login and apply the evaluation-access rule: the rule decides for users without an admin decision
 * (grant when it matches, withdraw a rule grant when it no longer does); an admin grant or revoke always wins.
 */
export async function recordLogin(pool: Pool, userId: number, ruleMatches: boolean | null): Promise<UserRow> {
  if (ruleMatches === null) {
    // No trustworthy facts (password login: the email is self-asserted): leave evaluation access as it is.
    const r = await pool.query<UserRow>(
      `update users set last_login_at = now() where user_id = $1 returning ${USER_COLS}`,
      [userId],
    );
    if (!r.rows[0]) throw new Error('login of a missing user');
    return r.rows[0];
  }
  const r = await pool.query<UserRow>(
    `update users set last_login_at = now(),
            has_evals = case when evals_granted_by = 'admin' then has_evals else $2 end,
            evals_granted_by = case when evals_granted_by = 'admin' then 'admin' when $2 then 'rule' else null end
      where user_id = $1 returning ${USER_COLS}`,
    [userId, ruleMatches],
  );
  const user = r.rows[0];
  if (!user) throw new Error('login of a missing user');
  return user;
}

/** Admin grant or revoke of evaluation access; login rules no longer change it afterwards. */
export async function setEvalsByAdmin(pool: Pool, userId: number, hasEvals: boolean): Promise<UserRow | undefined> {
  const r = await pool.query<UserRow>(
    `update users set has_evals = $2, evals_granted_by = 'admin'
      where user_id = $1 returning ${USER_COLS}`,
    [userId, hasEvals],
  );
  return r.rows[0];
}
