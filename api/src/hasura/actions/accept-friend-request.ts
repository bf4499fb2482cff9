import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { lockPair, makeFriends, type FriendshipOutput } from './friends.shared.js';
import { id } from './shared.js';

/** Accepts the pending request from `user_id`: both friendship rows in one transaction. */
export const acceptFriendRequest = defineAction({
  name: 'acceptFriendRequest',
  input: z.object({ user_id: id }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c): Promise<FriendshipOutput> => {
      await lockPair(c, userId, input.user_id);
      const r = await c.query(`select 1 from friend_requests where from_user_id = $1 and to_user_id = $2`, [
        input.user_id,
        userId,
      ]);
      if (!r.rowCount) throw new ApiError('friend-request-not-found');
      await makeFriends(c, userId, input.user_id);
      return { user_id: userId, friend_user_id: input.user_id, status: 'friends' };
    }),
});
