import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { areFriends, lockPair, makeFriends, requireOtherUser, type FriendshipOutput } from './friends.shared.js';
import { id } from './shared.js';

/** Asks `user_id` to be friends. If they already asked us, this accepts their request instead. */
export const sendFriendRequest = defineAction({
  name: 'sendFriendRequest',
  input: z.object({ user_id: id }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c): Promise<FriendshipOutput> => {
      const other = input.user_id;
      await requireOtherUser(c, userId, other);
      await lockPair(c, userId, other);
      if (await areFriends(c, userId, other)) throw new ApiError('already-friends');
      const reverse = await c.query(`select 1 from friend_requests where from_user_id = $1 and to_user_id = $2`, [
        other,
        userId,
      ]);
      if (reverse.rowCount) {
        await makeFriends(c, userId, other);
        return { user_id: userId, friend_user_id: other, status: 'friends' };
      }
      const r = await c.query(
        `insert into friend_requests (from_user_id, to_user_id) values ($1, $2) on conflict do nothing`,
        [userId, other],
      );
      if (!r.rowCount) throw new ApiError('friend-request-exists');
      return { user_id: userId, friend_user_id: other, status: 'requested' };
    }),
});
