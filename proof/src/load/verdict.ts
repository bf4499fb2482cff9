/**
 * The verdicts of a load run with faults: requests (all answered or timed out by their own deadline, errors only
 * inside fault windows and of the classes the fault explains) and writes (each acknowledged write exactly once in
 * the database, no write twice, nothing written that nobody asked for).
 */
import type pg from 'pg';
import { windowsOf, type Fault, type FaultRecord } from './faults.js';
import type { Ledger } from './ledger.js';
import type { OpenRequest, Outcome, Sample } from './recorder.js';
import { quantile } from '../pool.js';

export interface RequestVerdict {
  total: number;
  /** requests started per second in the load window */
  rate: number;
  byOutcome: Partial<Record<Outcome, number>>;
  byOp: Record<string, { n: number; ok: number; p50: number; p99: number; max: number }>;
  timeouts: number;
  /** requests that took longer than their deadline plus slack (a deadline that did not work) */
  overDeadline: Sample[];
  /** requests still open at the end */
  hung: OpenRequest[];
  /** failed requests outside every fault window */
  outside: Sample[];
  /** failed requests inside a window whose fault does not explain them */
  unexplained: Sample[];
  perFault: Record<string, { errors: number; ok: number; classes: Record<string, number> }>;
  /** failed requests by operation and class */
  errorsByOp: Record<string, Record<string, number>>;
}

const ms = (x: number) => Math.round(x);

export function judgeRequests(
  samples: Sample[],
  open: OpenRequest[],
  faults: FaultRecord[],
  specs: Fault[],
  load: { start: number; end: number },
  deadlineSlackMs: number,
  /** failures that are the right answer wherever they happen */
  expected: (s: Sample) => boolean = () => false,
): RequestVerdict {
  const byOutcome: Partial<Record<Outcome, number>> = {};
  const ops = new Map<string, Sample[]>();
  const perFault: RequestVerdict['perFault'] = Object.fromEntries(
    faults.map((f) => [f.name, { errors: 0, ok: 0, classes: {} }]),
  );
  const outside: Sample[] = [];
  const unexplained: Sample[] = [];
  const errorsByOp: RequestVerdict['errorsByOp'] = {};
  for (const s of samples) {
    byOutcome[s.outcome] = (byOutcome[s.outcome] ?? 0) + 1;
    ops.set(s.op, [...(ops.get(s.op) ?? []), s]);
    const windows = windowsOf(s, faults);
    const f = windows[0];
    const pf = f ? perFault[f.name] : undefined;
    if (s.outcome === 'ok' || expected(s)) {
      if (pf) pf.ok += 1;
      continue;
    }
    const cls = `${s.outcome} ${s.code}`.trim();
    const byCls = (errorsByOp[s.op] ??= {});
    byCls[cls] = (byCls[cls] ?? 0) + 1;
    if (!f || !pf) {
      outside.push(s);
      continue;
    }
    pf.errors += 1;
    pf.classes[cls] = (pf.classes[cls] ?? 0) + 1;
    // Explained when any fault whose window it overlaps allows it (counted under the first).
    const allowed = windows.some((w) => specs.find((x) => x.name === w.name)?.allows(s) === true);
    if (!allowed) unexplained.push(s);
  }
  const byOp: RequestVerdict['byOp'] = {};
  for (const [op, list] of [...ops].sort(([a], [b]) => a.localeCompare(b))) {
    const d = list.map((s) => s.end - s.start);
    byOp[op] = {
      n: list.length,
      ok: list.filter((s) => s.outcome === 'ok').length,
      p50: ms(quantile(d, 0.5)),
      p99: ms(quantile(d, 0.99)),
      max: ms(Math.max(0, ...d)),
    };
  }
  return {
    total: samples.length,
    rate: Math.round(
      (samples.filter((s) => s.start >= load.start && s.start <= load.end).length /
        Math.max(1, load.end - load.start)) *
        1000,
    ),
    byOutcome,
    byOp,
    timeouts: byOutcome.timeout ?? 0,
    overDeadline: samples.filter((s) => s.end - s.start > s.timeoutMs + deadlineSlackMs),
    hung: open,
    outside,
    unexplained,
    perFault,
    errorsByOp,
  };
}

export interface WriteVerdict {
  worksheets: { attempted: number; acked: number; unackedButCommitted: number; unackedAbsent: number };
  courses: { attempted: number; acked: number; unackedButCommitted: number; unackedAbsent: number };
  signups: { attempted: number; acked: number };
  /** acknowledged writes not in the database (or not as acknowledged) */
  missing: string[];
  /** markers found more than once */
  duplicates: string[];
  /** rows of the load's users that no attempted write explains */
  phantoms: string[];
}

export async function judgeWrites(db: pg.Client, ledger: Ledger, emailPattern: string): Promise<WriteVerdict> {
  const users = await db.query<{ user_id: number; email: string; n: number }>(
    `select min(user_id) as user_id, email::text as email, count(*)::int as n from users where email like $1
     group by email`,
    [emailPattern],
  );
  const userIds = users.rows.map((u) => u.user_id);
  const sheets = await db.query<{ worksheet_id: number; user_id: number; name: string }>(
    `select worksheet_id, user_id, name from worksheets where user_id = any($1::int[])`,
    [userIds],
  );
  const courses = await db.query<{ worksheet_id: number; crn: number; color: string }>(
    `select wc.worksheet_id, wc.crn, wc.color from worksheet_courses wc join worksheets w using (worksheet_id)
     where w.user_id = any($1::int[])`,
    [userIds],
  );
  const missing: string[] = [];
  const duplicates: string[] = [];
  const phantoms: string[] = [];

  const emails = new Map(users.rows.map((u) => [u.email, u]));
  const signups = ledger.of('signup');
  for (const u of users.rows) if (u.n > 1) duplicates.push(`user ${u.email} ×${u.n}`);
  for (const w of signups) {
    const row = emails.get(w.marker);
    // A sign-up answer names no user (it is the same for a taken address): an acknowledged one must exist.
    if (w.acked && (row === undefined || (w.userId !== undefined && row.user_id !== w.userId)))
      missing.push(`signup ${w.marker}`);
  }

  const byName = new Map<string, Array<{ worksheet_id: number; user_id: number }>>();
  for (const r of sheets.rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  const creates = ledger.of('createWorksheet');
  const attemptedNames = new Set(creates.map((w) => w.marker));
  const ws = { attempted: creates.length, acked: 0, unackedButCommitted: 0, unackedAbsent: 0 };
  for (const w of creates) {
    const rows = byName.get(w.marker) ?? [];
    if (rows.length > 1) duplicates.push(`worksheet ${w.marker} ×${rows.length}`);
    if (w.acked) {
      ws.acked += 1;
      const row = rows[0];
      if (!row || row.worksheet_id !== w.worksheetId || row.user_id !== w.userId) missing.push(`worksheet ${w.marker}`);
    } else if (rows.length > 0) ws.unackedButCommitted += 1;
    else ws.unackedAbsent += 1;
  }
  for (const r of sheets.rows) if (!attemptedNames.has(r.name)) phantoms.push(`worksheet ${r.worksheet_id} ${r.name}`);

  const rowsByKey = new Map(courses.rows.map((r) => [`${r.worksheet_id}/${r.crn}`, r]));
  const adds = ledger.of('addWorksheetCourse');
  const attemptedAdds = new Map<string, number>();
  for (const w of adds) attemptedAdds.set(w.marker, (attemptedAdds.get(w.marker) ?? 0) + 1);
  const wc = { attempted: adds.length, acked: 0, unackedButCommitted: 0, unackedAbsent: 0 };
  for (const w of adds) {
    const row = rowsByKey.get(w.marker);
    if (w.acked) {
      wc.acked += 1;
      if (!row || row.color !== w.color) missing.push(`course ${w.marker} ${w.color ?? ''}`);
    } else if (row?.color === w.color) wc.unackedButCommitted += 1;
    else wc.unackedAbsent += 1;
  }
  // The client never sends the same worksheet+CRN twice, so a row is explained by exactly one attempt.
  for (const [k, n] of attemptedAdds) if (n > 1) duplicates.push(`course attempt ${k} ×${n}`);
  for (const k of rowsByKey.keys()) if (!attemptedAdds.has(k)) phantoms.push(`course ${k}`);

  return {
    worksheets: ws,
    courses: wc,
    signups: { attempted: signups.length, acked: signups.filter((w) => w.acked).length },
    missing,
    duplicates,
    phantoms,
  };
}
