import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import type { WorksheetCourseRow } from './add-worksheet-course.js';
import { color, crn, id, ownWorksheet } from './shared.js';

/** Changes the color and/or hidden flag of a course in a worksheet. */
export const updateWorksheetCourse = defineAction({
  name: 'updateWorksheetCourse',
  input: z
    .object({ worksheet_id: id, crn, color: color.nullish(), hidden: z.boolean().nullish() })
    .refine((i) => i.color != null || i.hidden != null, 'give color and/or hidden'),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      await ownWorksheet(c, userId, input.worksheet_id);
      const r = await c.query<WorksheetCourseRow>(
        `update worksheet_courses set color = coalesce($3, color), hidden = coalesce($4, hidden)
          where worksheet_id = $1 and crn = $2 returning worksheet_id, crn, color, hidden`,
        [input.worksheet_id, input.crn, input.color ?? null, input.hidden ?? null],
      );
      if (!r.rows[0]) throw new ApiError('course-not-in-worksheet');
      await c.query(`update worksheets set updated_at = now() where worksheet_id = $1`, [input.worksheet_id]);
      return r.rows[0];
    }),
});
