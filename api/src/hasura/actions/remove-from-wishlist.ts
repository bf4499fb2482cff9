import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { crn, seasonCode } from './shared.js';

export const removeFromWishlist = defineAction({
  name: 'removeFromWishlist',
  input: z.object({ season_code: seasonCode, crn }),
  handler: async ({ pool, userId }, input) => {
    const r = await pool.query(`delete from wishlist_items where user_id = $1 and season_code = $2 and crn = $3`, [
      userId,
      input.season_code,
      input.crn,
    ]);
    if (!r.rowCount) throw new ApiError('wishlist-item-not-found');
    return { season_code: input.season_code, crn: input.crn };
  },
});
