import { z } from 'zod';
import { pgCode, withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import { color, crn, id, MAX_COURSES_PER_WORKSHEET, ownWorksheet, requireListing } from './shared.js';

export interface WorksheetCourseRow {
  worksheet_id: number;
  crn: number;
  color: string;
  hidden: boolean;
}

/** Adds a course (by CRN, which must exist in the worksheet's season) with a color and a hidden flag. */
export const addWorksheetCourse = defineAction({
  name: 'addWorksheetCourse',
  input: z.object({ worksheet_id: id, crn, color, hidden: z.boolean().nullish() }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      const ws = await ownWorksheet(c, userId, input.worksheet_id);
      await requireListing(c, ws.season_code, input.crn);
      const count = await c.query<{ n: number }>(
        `select count(*)::int as n from worksheet_courses where worksheet_id = $1`,
        [ws.worksheet_id],
      );
      if ((count.rows[0]?.n ?? 0) >= MAX_COURSES_PER_WORKSHEET) throw new ApiError('worksheet-course-limit');
      try {
        const r = await c.query<WorksheetCourseRow>(
          `insert into worksheet_courses (worksheet_id, crn, color, hidden) values ($1, $2, $3, $4)
           returning worksheet_id, crn, color, hidden`,
          [ws.worksheet_id, input.crn, input.color, input.hidden ?? false],
        );
        await c.query(`update worksheets set updated_at = now() where worksheet_id = $1`, [ws.worksheet_id]);
        return r.rows[0];
      } catch (err) {
        if (pgCode(err) === '23505') throw new ApiError('course-already-added');
        throw err;
      }
    }),
});
