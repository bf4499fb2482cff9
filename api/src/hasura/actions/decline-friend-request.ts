import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import type { FriendshipOutput } from './friends.shared.js';
import { id } from './shared.js';

/** Declines the pending request from `user_id` (or withdraws our own request to them). */
export const declineFriendRequest = defineAction({
  name: 'declineFriendRequest',
  input: z.object({ user_id: id }),
  handler: async ({ pool, userId }, input): Promise<FriendshipOutput> => {
    const r = await pool.query(
      `delete from friend_requests where (from_user_id = $1 and to_user_id = $2) or (from_user_id = $2 and to_user_id = $1)`,
      [input.user_id, userId],
    );
    if (!r.rowCount) throw new ApiError('friend-request-not-found');
    return { user_id: userId, friend_user_id: input.user_id, status: 'declined' };
  },
});
