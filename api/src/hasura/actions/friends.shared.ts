/**
 * Friendships are symmetric: one row each way, always written or removed together in one transaction. Every friend
 * action first takes a transaction-scoped advisory lock on the (unordered) pair, so two people acting on each other
 * at the same time are serialised.
 */
import type { PoolClient } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';

export type FriendStatus = 'requested' | 'friends' | 'declined' | 'removed';

export interface FriendshipOutput {
  user_id: number;
  friend_user_id: number;
  status: FriendStatus;
}

export async function lockPair(c: PoolClient, a: number, b: number): Promise<void> {
  await c.query(`select pg_advisory_xact_lock($1::int, $2::int)`, [Math.min(a, b), Math.max(a, b)]);
}

export async function requireOtherUser(c: PoolClient, me: number, other: number): Promise<void> {
  if (me === other) throw new ApiError('cannot-friend-self');
  const r = await c.query(`select 1 from users where user_id = $1`, [other]);
  if (!r.rowCount) throw new ApiError('user-not-found');
}

export async function areFriends(c: PoolClient, a: number, b: number): Promise<boolean> {
  const r = await c.query(`select 1 from friendships where user_id = $1 and friend_user_id = $2`, [a, b]);
  return (r.rowCount ?? 0) > 0;
}

/** Both rows of the friendship, and no pending request either way. */
export async function makeFriends(c: PoolClient, a: number, b: number): Promise<void> {
  await c.query(`insert into friendships (user_id, friend_user_id) values ($1, $2), ($2, $1) on conflict do nothing`, [
    a,
    b,
  ]);
  await c.query(
    `delete from friend_requests where (from_user_id = $1 and to_user_id = $2) or (from_user_id = $2 and to_user_id = $1)`,
    [a, b],
  );
}
