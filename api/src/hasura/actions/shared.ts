/** Checks and schemas shared by the actions. */
import { z } from 'zod';
import type { Pool, PoolClient } from '../../clients/pg.js';
import { ApiError } from '../../errors.js';

export const MAX_WORKSHEETS_PER_SEASON = 20;
export const MAX_COURSES_PER_WORKSHEET = 100;
export const MAX_SAVED_SEARCHES = 100;

export const id = z.number().int().positive().max(2_147_483_647);
export const crn = z.number().int().positive().max(2_147_483_647);
export const seasonCode = z.string().regex(/^\d{6}$/, 'a season code like 202501');
/** `#rrggbb`, stored lowercase (the column check is `^#[0-9a-f]{6}$`). */
export const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a hex color like #1f77b4')
  .transform((c) => c.toLowerCase());
export const worksheetName = z.string().trim().min(1).max(64);

type Db = Pool | PoolClient;

export interface WorksheetRow {
  worksheet_id: number;
  season_code: string;
  worksheet_number: number;
  name: string;
  private: boolean;
}
export const WORKSHEET_COLS = 'worksheet_id, season_code, worksheet_number, name, private';

/** The user's worksheet (locked for the transaction), or 404 worksheet-not-found: another user's is as good as absent. */
export async function ownWorksheet(db: Db, userId: number, worksheetId: number): Promise<WorksheetRow> {
  const r = await db.query<WorksheetRow>(
    `select ${WORKSHEET_COLS} from worksheets where worksheet_id = $1 and user_id = $2 for update`,
    [worksheetId, userId],
  );
  if (!r.rows[0]) throw new ApiError('worksheet-not-found');
  return r.rows[0];
}

export async function requireListing(db: Db, season: string, crnValue: number): Promise<void> {
  const r = await db.query(`select 1 from listings where season_code = $1 and crn = $2 limit 1`, [season, crnValue]);
  if (!r.rowCount) throw new ApiError('course-not-found');
}

export async function requireSeason(db: Db, season: string): Promise<void> {
  const r = await db.query(`select 1 from seasons where season_code = $1`, [season]);
  if (!r.rowCount) throw new ApiError('season-not-found');
}
