/**
 * CourseTable's user rows → this schema's (migrations/1764000000001_user-data.ts), pure. Users are keyed by netId
 * (their CAS user name); the writer turns each netId into a user through its CAS identity. What cannot be carried
 * over is skipped and counted, what has to change to fit our checks is changed and counted; nothing is dropped
 * silently. docs/migrating-from-coursetable.md explains each rule.
 */
import chroma from 'chroma-js';
import type { CtData, CtPair, CtSettings } from './source.js';

export interface ImportUser {
  net_id: string;
  email: string | null;
  display_name: string;
  has_evals: boolean;
  evals_granted_by: 'admin' | null;
}
export interface ImportProfileField {
  net_id: string;
  field: 'first_name' | 'last_name' | 'year' | 'school' | 'major';
  value: string;
  visibility: string;
}
export interface ImportWorksheet {
  source_id: number;
  net_id: string;
  season_code: string;
  worksheet_number: number;
  name: string;
  private: boolean;
}
export interface ImportWorksheetCourse {
  source_worksheet_id: number;
  crn: number;
  color: string;
  hidden: boolean;
}
export interface ImportWishlistItem {
  net_id: string;
  season_code: string;
  crn: number;
}
export interface ImportPair {
  net_id: string;
  other_net_id: string;
}
export interface ImportSavedSearch {
  net_id: string;
  name: string;
  query: Record<string, string | string[]>;
  created_at: string | null;
}

export interface ImportRows {
  users: ImportUser[];
  profileFields: ImportProfileField[];
  worksheets: ImportWorksheet[];
  worksheetCourses: ImportWorksheetCourse[];
  wishlist: ImportWishlistItem[];
  friendships: ImportPair[];
  friendRequests: ImportPair[];
  savedSearches: ImportSavedSearch[];
}

/** Counts by reason: `skipped` rows are not imported, `adjusted` ones are imported changed. */
export interface MapReport {
  skipped: Record<string, number>;
  adjusted: Record<string, number>;
}

/** Colour given to a worksheet course whose CourseTable colour is not a colour at all. */
export const FALLBACK_COLOR = '#808080';
const MAX_QUERY_BYTES = 8192;
const EMAIL = /^[^@\s]+@[^@\s]+$/;

export function mapCourseTable(
  data: CtData,
  knownSeasons: ReadonlySet<string>,
): { rows: ImportRows; report: MapReport } {
  const report: MapReport = { skipped: {}, adjusted: {} };
  const skip = (why: string) => (report.skipped[why] = (report.skipped[why] ?? 0) + 1);
  const adjust = (why: string) => (report.adjusted[why] = (report.adjusted[why] ?? 0) + 1);
  const netIds = new Set<string>();
  const person = (raw: string): string | undefined => {
    const id = raw.trim();
    if (id === '') return undefined;
    netIds.add(id);
    return id;
  };
  const season = (s: number, what: string): string | undefined => {
    const code = String(s);
    if (knownSeasons.has(code)) return code;
    skip(`${what} in a season not in the catalog`);
    return undefined;
  };

  const settings = new Map<string, CtSettings>();
  for (const s of data.settings) {
    const id = person(s.netId);
    if (id) settings.set(id, s);
  }

  const worksheets: ImportWorksheet[] = [];
  for (const w of data.worksheets) {
    const netId = person(w.netId);
    const code = season(w.season, 'worksheet');
    if (!netId || !code) continue;
    if (w.worksheetNumber < 0) {
      skip('worksheet with a negative number');
      continue;
    }
    let name = w.name.trim().slice(0, 64);
    if (name === '') {
      name = w.worksheetNumber === 0 ? 'Main Worksheet' : `Worksheet ${w.worksheetNumber}`;
      adjust('empty worksheet name given a default');
    }
    worksheets.push({
      source_id: w.id,
      net_id: netId,
      season_code: code,
      worksheet_number: w.worksheetNumber,
      name,
      private: w.private,
    });
  }
  const imported = new Set(worksheets.map((w) => w.source_id));

  const worksheetCourses: ImportWorksheetCourse[] = [];
  for (const c of data.worksheetCourses) {
    if (!imported.has(c.worksheetId)) {
      skip('worksheet course of a worksheet not imported');
      continue;
    }
    if (c.crn <= 0) {
      skip('worksheet course with a crn that is not positive');
      continue;
    }
    worksheetCourses.push({
      source_worksheet_id: c.worksheetId,
      crn: c.crn,
      color: hexColor(c.color, adjust),
      hidden: c.hidden ?? false,
    });
    if (c.hidden === null) adjust('unknown hidden state imported as shown');
  }

  const wishlist: ImportWishlistItem[] = [];
  for (const w of data.wishlist) {
    const netId = person(w.netId);
    const code = season(w.season, 'wishlist item');
    if (!netId || !code) continue;
    if (w.crn <= 0) skip('wishlist item with a crn that is not positive');
    else wishlist.push({ net_id: netId, season_code: code, crn: w.crn });
  }

  const friendships = pairs(data.friends, person, skip, true);
  const friendSet = new Set(friendships.map((p) => `${p.net_id}\n${p.other_net_id}`));
  const friendRequests = pairs(data.friendRequests, person, skip, false).filter((p) => {
    if (!friendSet.has(`${p.net_id}\n${p.other_net_id}`)) return true;
    skip('friend request between friends');
    return false;
  });

  const savedSearches: ImportSavedSearch[] = [];
  for (const s of data.savedSearches) {
    const netId = person(s.netId);
    if (!netId) continue;
    const name = s.name.trim().slice(0, 100);
    const query = searchParams(s.queryString);
    if (name === '') skip('saved search without a name');
    else if (Buffer.byteLength(JSON.stringify(query)) > MAX_QUERY_BYTES) skip('saved search over 8 KiB');
    else savedSearches.push({ net_id: netId, name, query, created_at: epochMs(s.createdAt) });
  }

  const emailsTaken = new Set<string>();
  const users: ImportUser[] = [];
  const profileFields: ImportProfileField[] = [];
  for (const netId of [...netIds].sort()) {
    const s = settings.get(netId);
    if (!s) adjust('user known only from their rows (no settings row): display name = netId');
    users.push(userOf(netId, s, emailsTaken, adjust));
    if (s) profileFields.push(...profileOf(netId, s));
  }
  return {
    rows: { users, profileFields, worksheets, worksheetCourses, wishlist, friendships, friendRequests, savedSearches },
    report,
  };
}

function userOf(
  netId: string,
  s: CtSettings | undefined,
  emailsTaken: Set<string>,
  adjust: (why: string) => void,
): ImportUser {
  const first = nonEmpty(s?.preferredFirstName) ?? nonEmpty(s?.firstName);
  const last = nonEmpty(s?.preferredLastName) ?? nonEmpty(s?.lastName);
  const displayName = [first, last].filter(Boolean).join(' ').slice(0, 100) || netId.slice(0, 100);
  let email = nonEmpty(s?.email)?.toLowerCase() ?? null;
  if (email !== null && (!EMAIL.test(email) || email.length > 254)) {
    adjust('invalid email left out');
    email = null;
  } else if (email !== null && emailsTaken.has(email)) {
    adjust('email shared with another netId left out');
    email = null;
  }
  if (email !== null) emailsTaken.add(email);
  const revoked = s?.evaluationsRevoked ?? false;
  const enabled = (s?.evaluationsEnabled ?? false) && !revoked;
  return {
    net_id: netId,
    email,
    display_name: displayName,
    has_evals: enabled,
    // CourseTable's grant (the challenge) and its revocation are decisions about this user: the login rule keeps them
    evals_granted_by: enabled || revoked ? 'admin' : null,
  };
}

function profileOf(netId: string, s: CtSettings): ImportProfileField[] {
  const fields: Array<[ImportProfileField['field'], string | null, string]> = [
    ['first_name', nonEmpty(s.preferredFirstName) ?? nonEmpty(s.firstName), s.nameVisibility],
    ['last_name', nonEmpty(s.preferredLastName) ?? nonEmpty(s.lastName), s.nameVisibility],
    ['year', nonEmpty(s.year), s.yearVisibility],
    ['school', nonEmpty(s.school), s.schoolVisibility],
    ['major', nonEmpty(s.major), s.majorVisibility],
  ];
  return fields.flatMap(([field, value, visibility]) =>
    value === null ? [] : [{ net_id: netId, field, value: value.slice(0, 500), visibility }],
  );
}

/** Distinct, non-self pairs; `symmetric` adds the other direction (friendships are stored one row each way). */
function pairs(
  rows: CtPair[],
  person: (raw: string) => string | undefined,
  skip: (why: string) => void,
  symmetric: boolean,
): ImportPair[] {
  const seen = new Map<string, ImportPair>();
  for (const r of rows) {
    const a = person(r.netId);
    const b = person(r.friendNetId);
    if (!a || !b) continue;
    if (a === b) {
      skip(symmetric ? 'friendship with oneself' : 'friend request to oneself');
      continue;
    }
    for (const [x, y] of symmetric ? [[a, b] as const, [b, a] as const] : [[a, b] as const]) {
      seen.set(`${x}\n${y}`, { net_id: x, other_net_id: y });
    }
  }
  return [...seen.values()];
}

/** Any CSS colour CourseTable accepted (it validated with chroma-js) as our lowercase `#rrggbb`, alpha dropped. */
export function hexColor(color: string, adjust: (why: string) => void): string {
  const c = color.trim();
  if (!chroma.valid(c)) {
    adjust('colour that is not a colour replaced');
    return FALLBACK_COLOR;
  }
  const hex = chroma(c).hex('rgb');
  if (hex !== c) adjust('colour written as #rrggbb');
  return hex;
}

/** CourseTable keeps a saved search as the page's query string; ours is a JSON object of the same parameters. */
export function searchParams(queryString: string): Record<string, string | string[]> {
  // no prototype: a parameter named __proto__ is kept as data
  const out = Object.create(null) as Record<string, string | string[]>;
  for (const [k, v] of new URLSearchParams(queryString.trim().replace(/^\?/, ''))) {
    const had = Object.hasOwn(out, k) ? out[k] : undefined;
    if (had === undefined) out[k] = v;
    else out[k] = Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

function epochMs(raw: string): string | null {
  const ms = Number(raw);
  return Number.isFinite(ms) && ms > 0 && ms < 8.64e15 ? new Date(ms).toISOString() : null;
}

function nonEmpty(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}
