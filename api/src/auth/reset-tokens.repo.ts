/** Password-reset tokens: random 32 bytes to the user, only their SHA-256 stored; single use, expiring. */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from '../clients/pg.js';
import { withTransaction } from '../clients/pg.js';
import { setPassword } from './users.repo.js';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createResetToken(pool: Pool, userId: number, ttlS: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await pool.query(
    `insert into password_reset_tokens (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(secs => $3))`,
    [hashToken(token), userId, ttlS],
  );
  return token;
}

/**
 * Consume a token and set the new password in one transaction. Returns the user id, or undefined when the token is
 * unknown, used or expired. Every other open token of the user is spent too. The link went to the account's address,
 * so using it proves that address: the account counts as verified from now on.
 */
export async function consumeResetToken(pool: Pool, token: string, passwordHash: string): Promise<number | undefined> {
  return withTransaction(pool, async (c) => {
    const r = await c.query<{ user_id: number }>(
      `update password_reset_tokens set used_at = now()
        where token_hash = $1 and used_at is null and expires_at > now() returning user_id`,
      [hashToken(token)],
    );
    const userId = r.rows[0]?.user_id;
    if (userId === undefined) return undefined;
    await c.query(`update password_reset_tokens set used_at = now() where user_id = $1 and used_at is null`, [userId]);
    await setPassword(c, userId, passwordHash);
    await c.query(`update users set email_verified_at = coalesce(email_verified_at, now()) where user_id = $1`, [
      userId,
    ]);
    return userId;
  });
}
