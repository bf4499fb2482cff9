/**
 * The virtual users, each an async loop with think times until the run's end:
 * - browser: anonymous catalog queries (pages, title search, course detail, counts);
 * - editor: signs up, logs in again now and then, creates worksheets and adds courses through the engine's actions,
 *   reads its own worksheets back (an acknowledged worksheet must be in the next read: `staleReads`);
 * - subscriber: signs up, keeps a live subscription on its worksheets, creates one now and then and measures how
 *   long the subscription takes to deliver it, browses in between.
 */
import { ensureSession, settledCookie, type Account } from './accounts.js';
import type { UserKind } from './recorder.js';
import { LiveWorksheets } from './subscription.js';
import { addCourse, createWorksheet, Planner, PER_WORKSHEET, readMine, type Sheet } from './worksheets.js';
import { running, sleep, think, type Catalog, type World } from './world.js';
import type { Prng } from '../prng.js';

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
