import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { lockPair, type FriendshipOutput } from './friends.shared.js';
import { id } from './shared.js';

/** Ends a friendship: both rows go in one transaction. */
export const removeFriend = defineAction({
  name: 'removeFriend',
  input: z.object({ user_id: id }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c): Promise<FriendshipOutput> => {
      await lockPair(c, userId, input.user_id);
      const r = await c.query(
        `delete from friendships where (user_id = $1 and friend_user_id = $2) or (user_id = $2 and friend_user_id = $1)`,
        [userId, input.user_id],
      );
      if (!r.rowCount) throw new ApiError('not-friends');
      return { user_id: userId, friend_user_id: input.user_id, status: 'removed' };
    }),
});
