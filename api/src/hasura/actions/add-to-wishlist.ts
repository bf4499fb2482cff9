import { z } from 'zod';
import { defineAction } from './action.js';
import { crn, requireListing, seasonCode } from './shared.js';

/** Adds the exact offering (season + CRN, which must exist) to the wishlist; adding twice is a no-op. */
export const addToWishlist = defineAction({
  name: 'addToWishlist',
  input: z.object({ season_code: seasonCode, crn }),
  handler: async ({ pool, userId }, input) => {
    await requireListing(pool, input.season_code, input.crn);
    await pool.query(
      `insert into wishlist_items (user_id, season_code, crn) values ($1, $2, $3) on conflict do nothing`,
      [userId, input.season_code, input.crn],
    );
    return { season_code: input.season_code, crn: input.crn };
  },
});
