/**
 * The virtual users, each an async loop with think times until the run's end:
 * - browser: anonymous catalog queries (pages, title search, course detail, counts);
 * - editor: signs up, logs in again now and then, creates worksheets and adds courses through the engine's actions,
 *   reads its own worksheets back (an acknowledged worksheet must be in the next read: `staleReads`);
 * - subscriber: signs up, keeps a live subscription on its worksheets, creates one now and then and measures how
 *   long the subscription takes to deliver it, browses in between.
 * A session the webhook no longer accepts makes the user log in again. Such a loss is expected after a login whose
 * answer was lost (the server may have replaced the session; `sessionLostAfterUnackedLogin`), and unexplained
 * otherwise (`sessionLost`: e.g. sessions gone with a Redis restart).
 */
import { randomUUID } from 'node:crypto';
import { cookieFrom, type LoadClient, type Result } from './client.js';
import type { Ledger } from './ledger.js';
import type { UserKind } from './recorder.js';
import { LiveWorksheets } from './subscription.js';
import type { Prng } from '../prng.js';

export interface Catalog {
  seasons: string[];
  /** CRNs of each season's listings */
  crns: Record<string, number[]>;
  courseIds: number[];
  titleWords: string[];
}

export interface World {
  client: LoadClient;
  ledger: Ledger;
  catalog: Catalog;
  /** recorder time at which the loops stop starting requests */
  endAt: number;
  cookieName: string;
  wsUrl: string;
  password: string;
  stats: UserStats;
  /** think time ranges (ms) per kind */
  think: Record<'browser' | 'editor' | 'subscriber', [number, number]>;
}

export interface UserStats {
  signups: number;
  logins: number;
  sessionLost: number;
  sessionLostAfterUnackedLogin: number;
  staleReads: number;
  /** ms from a subscriber's acknowledged write to its delivery on the subscription (0 if it came first) */
  propagationMs: number[];
  /** acknowledged subscriber writes not delivered within 10 s */
  undelivered: number;
}

export function newStats(): UserStats {
  return {
    signups: 0,
    logins: 0,
    sessionLost: 0,
    sessionLostAfterUnackedLogin: 0,
    staleReads: 0,
    propagationMs: [],
    undelivered: 0,
  };
}

export const BROWSE: ReadonlyArray<{ name: string; query: string; vars: (c: Catalog, r: Prng) => object }> = [
  {
    name: 'catalog',
    query: `query Catalog($s: String!, $o: Int!) { courses(where: {season_code: {_eq: $s}}, order_by: {course_id: asc},
      limit: 20, offset: $o) { course_id title credits listings { crn course_code section } } }`,
    vars: (c, r) => ({ s: r.pick(c.seasons), o: r.int(0, 100) }),
  },
  {
    name: 'search',
    query: `query Search($s: String!, $q: String!) { courses(where: {season_code: {_eq: $s}, title: {_ilike: $q}},
      limit: 20, order_by: {title: asc}) { course_id title listings { course_code } } }`,
    vars: (c, r) => ({ s: r.pick(c.seasons), q: `%${r.pick(c.titleWords)}%` }),
  },
  {
    name: 'detail',
    query: `query Detail($id: Int!) { courses_by_pk(course_id: $id) { course_id title description credits
      listings { crn subject number section } } }`,
    vars: (c, r) => ({ id: r.pick(c.courseIds) }),
  },
  {
    name: 'count',
    query: `query Count($s: String!) { listings_aggregate(where: {season_code: {_eq: $s}}) { aggregate { count } } }`,
    vars: (c, r) => ({ s: r.pick(c.seasons) }),
  },
];

const CREATE = `mutation Create($s: String!, $n: String!) {
  createWorksheet(season_code: $s, name: $n) { worksheet_id name } }`;
const ADD = `mutation Add($w: Int!, $c: Int!, $col: String!) {
  addWorksheetCourse(worksheet_id: $w, crn: $c, color: $col) { worksheet_id crn color } }`;
const MINE = `query Mine { worksheets(order_by: {worksheet_id: desc}, limit: 5) { worksheet_id name } }`;
/** Worksheets per season a user creates at most (the API allows 20; unacknowledged creations may have counted). */
const PER_SEASON = 15;
/** Courses added to a worksheet before the editor starts a new one. */
const PER_WORKSHEET = 4;

export class Account {
  cookie: string | undefined;
  userId: number | undefined;
  reloginAt = 0;
  /** what to try while not signed in: after a signup without answer, log in until the account proves absent */
  next: 'signup' | 'login' = 'signup';
  /** a login since the cookie was issued got no clear answer: the server may have replaced the session */
  uncertain = false;
  /** set while a signup or login is under way: its answer replaces the cookie, and the old session ends */
  pending: Promise<unknown> | undefined;
  readonly email: string;

  constructor(
    readonly id: number,
    readonly kind: UserKind,
    runId: string,
  ) {
    this.email = `load-${runId}-${id}@example.edu`;
  }
}

async function sleep(w: World, ms: number): Promise<void> {
  const left = w.endAt - w.client.recorder.now();
  await new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, left))));
}

const running = (w: World) => w.client.recorder.now() < w.endAt;
const think = (w: World, kind: keyof World['think'], r: Prng) => sleep(w, r.int(...w.think[kind]));

/** Notice a session the webhook refused (e.g. lost with Redis); the user logs in again. */
function checkSession(w: World, a: Account, res: Result): void {
  if (res.outcome === 'graphql-error' && res.code.includes('Authentication hook unauthorized') && a.cookie) {
    a.cookie = undefined;
    if (a.uncertain) w.stats.sessionLostAfterUnackedLogin += 1;
    else w.stats.sessionLost += 1;
  }
}

export async function signup(w: World, a: Account): Promise<boolean> {
  const res = await w.client.api(a, 'api:signup', '/api/auth/password/signup', {
    email: a.email,
    password: w.password,
    displayName: `Load ${a.id}`,
  });
  const cookie = cookieFrom(res.setCookie, w.cookieName);
  const user = (res.json as { user?: { id?: unknown } } | undefined)?.user;
  const acked = res.outcome === 'ok' && cookie !== undefined && typeof user?.id === 'number';
  w.ledger.add({
    kind: 'signup',
    user: a.id,
    userId: acked ? (user?.id as number) : undefined,
    marker: a.email,
    acked,
    start: res.sample.start,
    end: res.sample.end,
  });
  if (acked) {
    a.cookie = cookie;
    a.userId = user?.id as number;
    a.uncertain = false;
    w.stats.signups += 1;
  } else {
    a.next = 'login';
  }
  return acked;
}

/** The login that finds out whether a signup without answer happened (invalid-credentials: it did not). */
export const PROBE_LOGIN = 'api:login-after-lost-signup';

export async function login(w: World, a: Account): Promise<boolean> {
  const op = a.userId === undefined ? PROBE_LOGIN : 'api:login';
  const res = await w.client.api(a, op, '/api/auth/password/login', { email: a.email, password: w.password });
  const cookie = cookieFrom(res.setCookie, w.cookieName);
  if (res.outcome === 'ok' && cookie) {
    a.cookie = cookie;
    a.uncertain = false;
    const id = (res.json as { user?: { id?: unknown } } | undefined)?.user?.id;
    if (typeof id === 'number') a.userId = id;
    w.stats.logins += 1;
    return true;
  }
  if (res.outcome === 'api-error' && res.code === 'invalid-credentials') a.next = 'signup';
  // Without a clear refusal the login may have happened, replacing the session the cookie names.
  else if (res.outcome !== 'api-error' || res.sample.status >= 500) a.uncertain = true;
  return false;
}

/** Log in when the session is gone or the periodic re-login is due; false when there is no usable session. */
async function ensureSession(w: World, a: Account, r: Prng): Promise<boolean> {
  const now = w.client.recorder.now();
  if (a.cookie && now < a.reloginAt) return true;
  let done: () => void = () => undefined;
  a.pending = new Promise<void>((resolve) => (done = resolve));
  try {
    if (a.userId === undefined) {
      // Not signed up, as far as we know. If a signup's answer was lost, it may still have happened: log in instead
      // until the account proves absent (invalid credentials); a second signup could only fail (unique email).
      const ok = a.next === 'signup' ? await signup(w, a) : await login(w, a);
      if (!ok) return false;
    } else if (!(await login(w, a))) {
      a.reloginAt = now + 1000;
      return a.cookie !== undefined;
    }
  } finally {
    a.pending = undefined;
    done();
  }
  a.reloginAt = w.client.recorder.now() + r.int(15_000, 25_000);
  return true;
}

/** The account's cookie once no signup or login is under way. */
async function settledCookie(a: Account): Promise<string | undefined> {
  while (a.pending) await a.pending;
  return a.cookie;
}

export async function browse(w: World, a: { id: number; kind: UserKind; cookie?: string | undefined }, r: Prng) {
  const q = r.pick(BROWSE);
  return w.client.gql(a, `gql:${q.name}`, q.query, q.vars(w.catalog, r) as Record<string, unknown>);
}

export async function browserLoop(w: World, id: number, r: Prng): Promise<void> {
  const a = { id, kind: 'browser' as const };
  await sleep(w, r.int(0, 1000));
  while (running(w)) {
    await browse(w, a, r);
    await think(w, 'browser', r);
  }
}

interface Sheet {
  id: number;
  season: string;
  used: Set<number>;
}

/** Plans per-season worksheet counts (every attempt counts: an unacknowledged one may have been created). */
class Planner {
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

async function addCourse(w: World, a: Account, sheet: Sheet, r: Prng): Promise<void> {
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
async function readMine(w: World, a: Account, newest: { name: string; ackedAt: number } | undefined): Promise<void> {
  const res = await w.client.gql(a, 'gql:mine', MINE);
  checkSession(w, a, res);
  if (res.outcome !== 'ok' || !newest || newest.ackedAt > res.sample.start) return;
  const rows = (res.json as { data?: { worksheets?: Array<{ name?: unknown }> } }).data?.worksheets ?? [];
  if (!rows.some((x) => x.name === newest.name)) w.stats.staleReads += 1;
}

export async function editorLoop(w: World, a: Account, r: Prng): Promise<void> {
  const plan = new Planner(w.catalog.seasons);
  let sheet: Sheet | undefined;
  let newest: { name: string; ackedAt: number } | undefined;
  while (running(w)) {
    if (await ensureSession(w, a, r)) {
      if (!sheet || sheet.used.size >= PER_WORKSHEET) {
        const season = plan.season(r);
        if (season !== undefined) {
          const c = await createWorksheet(w, a, season);
          if (c.sheet) {
            sheet = c.sheet;
            newest = { name: c.name, ackedAt: c.end };
          }
        }
      } else if (r.chance(0.7)) {
        await addCourse(w, a, sheet, r);
      } else {
        await readMine(w, a, newest);
      }
    }
    await think(w, 'editor', r);
  }
}

export async function subscriberLoop(w: World, a: Account, r: Prng, subs: Map<number, LiveWorksheets>): Promise<void> {
  const plan = new Planner(w.catalog.seasons);
  const pending: Array<Promise<void>> = [];
  let live: LiveWorksheets | undefined;
  let nextWrite = w.client.recorder.now() + r.int(1000, 3000);
  while (running(w)) {
    if (await ensureSession(w, a, r)) {
      if (!live) {
        live = new LiveWorksheets(w.wsUrl, a.id, () => settledCookie(a), w.client.recorder);
        subs.set(a.id, live);
        live.start();
      }
      if (w.client.recorder.now() >= nextWrite) {
        nextWrite = w.client.recorder.now() + r.int(2500, 4000);
        const season = plan.season(r);
        if (season !== undefined) {
          const c = await createWorksheet(w, a, season);
          const sub = live;
          if (c.sheet)
            pending.push(
              sub.waitFor(c.name, 10_000).then((seenAt) => {
                if (seenAt === undefined) w.stats.undelivered += 1;
                else w.stats.propagationMs.push(Math.max(0, seenAt - c.end));
              }),
            );
        }
      } else {
        await browse(w, a, r);
      }
    }
    await think(w, 'subscriber', r);
  }
  await Promise.all(pending);
}
