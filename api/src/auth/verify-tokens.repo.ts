/**
 * E-mail verification tokens, like reset tokens: random 32 bytes to the mailbox, only their SHA-256 stored; single
 * use, expiring, and bound to the address they were sent to (a token proves that address, not whatever the account
 * holds later).
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from '../clients/pg.js';
import { withTransaction } from '../clients/pg.js';
import { hashToken } from './reset-tokens.repo.js';

export async function createVerifyToken(pool: Pool, userId: number, email: string, ttlS: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    `insert into email_verification_tokens (token_hash, user_id, email, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(token), userId, email, ttlS],
  );
  return token;
}

const USABLE = `t.token_hash = $1 and t.used_at is null and t.expires_at > now() and u.email = t.email`;

/** Whether the token would verify its address now (read only: a mail scanner following the link spends nothing). */
export async function isVerifyTokenUsable(pool: Pool, token: string): Promise<boolean> {
  const r = await pool.query(`select 1 from email_verification_tokens t join users u using (user_id) where ${USABLE}`, [
    hashToken(token),
  ]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Spend the token and mark its address verified, in one transaction. Returns the user id, or undefined when the token
 * is unknown, used, expired, or its address is no longer the account's. Every other open token of the user is spent.
 */
export async function consumeVerifyToken(pool: Pool, token: string): Promise<number | undefined> {
  return withTransaction(pool, async (c) => {
    const r = await c.query<{ user_id: number }>(
      `update email_verification_tokens t set used_at = now() from users u
        where u.user_id = t.user_id and ${USABLE} returning t.user_id`,
      [hashToken(token)],
    );
    const userId = r.rows[0]?.user_id;
    if (userId === undefined) return undefined;
    await c.query(`update email_verification_tokens set used_at = now() where user_id = $1 and used_at is null`, [
      userId,
    ]);
    await c.query(`update users set email_verified_at = coalesce(email_verified_at, now()) where user_id = $1`, [
      userId,
    ]);
    return userId;
  });
}
