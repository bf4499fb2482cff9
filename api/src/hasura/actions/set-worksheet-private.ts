import { z } from 'zod';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { id, WORKSHEET_COLS, type WorksheetRow } from './shared.js';

/** Private worksheets are hidden from friends. */
export const setWorksheetPrivate = defineAction({
  name: 'setWorksheetPrivate',
  input: z.object({ worksheet_id: id, private: z.boolean() }),
  handler: async ({ pool, userId }, input) => {
    const r = await pool.query<WorksheetRow>(
      `update worksheets set private = $3, updated_at = now() where worksheet_id = $1 and user_id = $2 returning ${WORKSHEET_COLS}`,
      [input.worksheet_id, userId, input.private],
    );
    if (!r.rows[0]) throw new ApiError('worksheet-not-found');
    return r.rows[0];
  },
});
