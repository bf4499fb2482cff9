import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { id } from './shared.js';

/** Deletes a worksheet and (by cascade) its courses. */
export const deleteWorksheet = defineAction({
  name: 'deleteWorksheet',
  input: z.object({ worksheet_id: id }),
  handler: async ({ pool, userId }, input) => {
    const r = await pool.query(`delete from worksheets where worksheet_id = $1 and user_id = $2`, [
      input.worksheet_id,
      userId,
    ]);
    if (!r.rowCount) throw new ApiError('worksheet-not-found');
    return { worksheet_id: input.worksheet_id };
  },
});
