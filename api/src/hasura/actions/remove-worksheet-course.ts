import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { crn, id, ownWorksheet } from './shared.js';

export const removeWorksheetCourse = defineAction({
  name: 'removeWorksheetCourse',
  input: z.object({ worksheet_id: id, crn }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      await ownWorksheet(c, userId, input.worksheet_id);
      const r = await c.query(`delete from worksheet_courses where worksheet_id = $1 and crn = $2`, [
        input.worksheet_id,
        input.crn,
      ]);
      if (!r.rowCount) throw new ApiError('course-not-in-worksheet');
      await c.query(`update worksheets set updated_at = now() where worksheet_id = $1`, [input.worksheet_id]);
      return { worksheet_id: input.worksheet_id, crn: input.crn };
    }),
});
