/**
 * The benchmark compares the engine's `student` worksheets with PostGraphile's under row-level security; this checks
 * that the policies (bench/targets/postgraphile.ts) state the same rule as the metadata: for several users, every
 * worksheet (and its courses) the engine shows a student, and no other, is what PostGraphile shows with the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, testStack, type TestDb } from '../../stack/src/testing.js';
import { compareAnswers } from '../equivalence.js';
import { signHs256, studentClaims } from '../jwt.js';
import type { Child } from '../targets/child.js';
import { startEngine } from '../targets/engine.js';
import { enableStudentRls, startPostgraphile } from '../targets/postgraphile.js';

const KEY = 'bench-test-key-0123456789abcdef0123456789';
let db: TestDb;
let logDir: string;
const children: Child[] = [];

beforeAll(async () => {
  db = await cloneTemplate();
  await enableStudentRls(testStack(), db.name);
  logDir = mkdtempSync(join(tmpdir(), 'bench-rls-'));
  const base = { databaseUrl: db.bouncerUrl('ct_engine'), poolSize: 2, jwtKey: KEY, logDir };
  children.push(await startEngine(base), await startPostgraphile({ ...base, viaBouncer: true }));
});

afterAll(async () => {
  for (const c of children) await c.stop();
  await db?.drop();
  if (logDir) rmSync(logDir, { recursive: true, force: true });
});

async function ask(url: string, query: string, userId: number): Promise<{ data?: unknown; errors?: unknown }> {
  const token = signHs256(studentClaims(userId), KEY);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await res.json()) as { data?: unknown; errors?: unknown };
}

describe('bench: PostGraphile row-level security for students', () => {
  it('shows each student exactly the worksheets and courses the engine shows', async () => {
    const [engine, pgl] = children as [Child, Child];
    let friendsSeen = 0;
    for (const userId of [1, 2, 3, 5, 8]) {
      const e = await ask(
        engine.url,
        '{ worksheets { worksheet_id user_id private worksheet_courses { crn } } }',
        userId,
      );
      const p = await ask(
        pgl.url,
        `{ worksheets: allWorksheets { nodes { worksheet_id: worksheetId user_id: userId private
           worksheet_courses: worksheetCoursesByWorksheetId { nodes { crn } } } } }`,
        userId,
      );
      expect(e.errors).toBeUndefined();
      expect(p.errors).toBeUndefined();
      const owners = new Set((e.data as { worksheets: { user_id: number }[] }).worksheets.map((w) => w.user_id));
      friendsSeen += [...owners].filter((o) => o !== userId).length;
      expect(compareAnswers(e.data, p.data)).toMatchObject({ equal: true });
    }
    // Not vacuous: some student sees a friend's worksheet, so the friends branch of the rule is exercised.
    expect(friendsSeen).toBeGreaterThan(0);
  });

  it('refuses a token signed with another key', async () => {
    const [, pgl] = children as [Child, Child];
    const res = await fetch(pgl.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signHs256(studentClaims(1), 'x')}` },
      body: JSON.stringify({ query: '{ allWorksheets { totalCount } }' }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: unknown };
    expect(body.data ?? null).toBeNull();
  });
});
