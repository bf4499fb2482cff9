import { z } from 'zod';
import { withTransaction } from '../../clients/pg.js';
import { defineAction } from './action.js';
import { id, ownWorksheet, WORKSHEET_COLS, worksheetName, type WorksheetRow } from './shared.js';

export const renameWorksheet = defineAction({
  name: 'renameWorksheet',
  input: z.object({ worksheet_id: id, name: worksheetName }),
  handler: ({ pool, userId }, input) =>
    withTransaction(pool, async (c) => {
      await ownWorksheet(c, userId, input.worksheet_id);
      const r = await c.query<WorksheetRow>(
        `update worksheets set name = $2, updated_at = now() where worksheet_id = $1 returning ${WORKSHEET_COLS}`,
        [input.worksheet_id, input.name],
      );
      return r.rows[0];
    }),
});
