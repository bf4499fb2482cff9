/**
 * Worksheet writes through the engine's actions, each with a marker the verdict finds in the database (a worksheet
 * name with a UUID; a worksheet + CRN with a random color), and the read-back that checks read-your-writes.
 */
import { randomUUID } from 'node:crypto';
import { checkSession, type Account } from './accounts.js';
import type { World } from './world.js';
import type { Prng } from '../prng.js';

const CREATE = `mutation Create($s: String!, $n: String!) {
  createWorksheet(season_code: $s, name: $n) { worksheet_id name } }`;
const ADD = `mutation Add($w: Int!, $c: Int!, $col: String!) {
  addWorksheetCourse(worksheet_id: $w, crn: $c, color: $col) { worksheet_id crn color } }`;
const MINE = `query Mine { worksheets(order_by: {worksheet_id: desc}, limit: 5) { worksheet_id name } }`;
/** Worksheets per season a user creates at most (the API allows 20; unacknowledged creations may have counted). */
export const PER_SEASON = 15;
/** Courses added to a worksheet before the editor starts a new one. */
export const PER_WORKSHEET = 4;

export interface Sheet {
  id: number;
  season: string;
  used: Set<number>;
}

/** Plans per-season worksheet counts (every attempt counts: an unacknowledged one may have been created). */
export class Planner {
  private readonly perSeason = new Map<string, number>();
  constructor(private readonly seasons: string[]) {}
  season(r: Prng): string | undefined {
    const open = this.seasons.filter((s) => (this.perSeason.get(s) ?? 0) < PER_SEASON);
    if (open.length === 0) return undefined;
    const s = r.pick(open);
    this.perSeason.set(s, (this.perSeason.get(s) ?? 0) + 1);
    return s;
  }
}

/** createWorksheet with a unique name; resolves with the sheet when acknowledged. */
export async function createWorksheet(
  w: World,
  a: Account,
  season: string,
  name = `w-${randomUUID()}`,
): Promise<{ sheet?: Sheet; end: number; name: string }> {
  const res = await w.client.gql(a, 'action:createWorksheet', CREATE, { s: season, n: name }, { write: true });
  checkSession(w, a, res);
  const out = (res.json as { data?: { createWorksheet?: { worksheet_id?: unknown; name?: unknown } } } | undefined)
    ?.data?.createWorksheet;
  const acked = res.outcome === 'ok' && out?.name === name && typeof out.worksheet_id === 'number';
  const sheetId = acked ? (out.worksheet_id as number) : undefined;
  w.ledger.add({
    kind: 'createWorksheet',
    user: a.id,
    userId: a.userId,
    marker: name,
    acked,
    start: res.sample.start,
    end: res.sample.end,
    ...(sheetId === undefined ? {} : { worksheetId: sheetId }),
  });
  return {
    ...(sheetId === undefined ? {} : { sheet: { id: sheetId, season, used: new Set() } }),
    end: res.sample.end,
    name,
  };
}

export async function addCourse(w: World, a: Account, sheet: Sheet, r: Prng): Promise<void> {
  const free = (w.catalog.crns[sheet.season] ?? []).filter((c) => !sheet.used.has(c));
  if (free.length === 0) return;
  const crn = r.pick(free);
  sheet.used.add(crn);
  const color = `#${r.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
  const res = await w.client.gql(
    a,
    'action:addWorksheetCourse',
    ADD,
    { w: sheet.id, c: crn, col: color },
    { write: true },
  );
  checkSession(w, a, res);
  const out = (res.json as { data?: { addWorksheetCourse?: { crn?: unknown; color?: unknown } } } | undefined)?.data
    ?.addWorksheetCourse;
  w.ledger.add({
    kind: 'addWorksheetCourse',
    user: a.id,
    userId: a.userId,
    marker: `${sheet.id}/${crn}`,
    acked: res.outcome === 'ok' && out?.crn === crn && out.color === color,
    start: res.sample.start,
    end: res.sample.end,
    worksheetId: sheet.id,
    crn,
    color,
  });
}

/** Reads the user's newest worksheets; the newest acknowledged one must be among them. */
export async function readMine(
  w: World,
  a: Account,
  newest: { name: string; ackedAt: number } | undefined,
): Promise<void> {
  const res = await w.client.gql(a, 'gql:mine', MINE);
  checkSession(w, a, res);
  if (res.outcome !== 'ok' || !newest || newest.ackedAt > res.sample.start) return;
  const rows = (res.json as { data?: { worksheets?: Array<{ name?: unknown }> } }).data?.worksheets ?? [];
  if (!rows.some((x) => x.name === newest.name)) w.stats.staleReads += 1;
}
