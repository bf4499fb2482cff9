import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';
import { defineAction } from './action.js';
import {
  MAX_WORKSHEETS_PER_SEASON,
  requireSeason,
  seasonCode,
  WORKSHEET_COLS,
  worksheetName,
  type WorksheetRow,
} from './shared.js';

/** Creates a worksheet in a season with the next free worksheet number (0 for the first). */
export const createWorksheet = defineAction({
  name: 'createWorksheet',
  input: z.object({ season_code: seasonCode, name: worksheetName, private: z.boolean().nullish() }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      await requireSeason(c, input.season_code);
      // Serialise creations of this user in this season so numbering and the limit hold under concurrency.
      await c.query(`select pg_advisory_xact_lock(hashtext('worksheets:' || $1::text || ':' || $2::text))`, [
        userId,
        input.season_code,
      ]);
      const stats = await c.query<{ n: number; next: number }>(
        `select count(*)::int as n, coalesce(max(worksheet_number) + 1, 0)::int as next
           from worksheets where user_id = $1 and season_code = $2`,
        [userId, input.season_code],
      );
      const { n, next } = stats.rows[0] ?? { n: 0, next: 0 };
      if (n >= MAX_WORKSHEETS_PER_SEASON) throw new ApiError('worksheet-limit');
      const r = await c.query<WorksheetRow>(
        `insert into worksheets (user_id, season_code, worksheet_number, name, private)
         values ($1, $2, $3, $4, $5) returning ${WORKSHEET_COLS}`,
        [userId, input.season_code, next, input.name, input.private ?? false],
      );
      return r.rows[0];
    }),
});
