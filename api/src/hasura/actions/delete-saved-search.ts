import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { id } from './shared.js';

export const deleteSavedSearch = defineAction({
  name: 'deleteSavedSearch',
  input: z.object({ saved_search_id: id }),
  handler: async ({ pool, userId }, input) => {
    const r = await pool.query(`delete from saved_searches where saved_search_id = $1 and user_id = $2`, [
      input.saved_search_id,
      userId,
    ]);
    if (!r.rowCount) throw new ApiError('saved-search-not-found');
    return { saved_search_id: input.saved_search_id };
  },
});
