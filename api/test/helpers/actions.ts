/** Calling an action the way Hasura does: secret header + { action, input, session_variables }. */
import supertest from 'supertest';
import { ACTION_SECRET, type TestApp } from './app.js';

export interface ActionResult {
  status: number;
  body: Record<string, unknown>;
  code: string | undefined;
}

export async function callAction(
  t: TestApp,
  name: string,
  userId: number | null,
  input: unknown,
  opts: { role?: string; secret?: string | null } = {},
): Promise<ActionResult> {
  const vars: Record<string, string> = { 'x-hasura-role': opts.role ?? (userId === null ? 'anonymous' : 'student') };
  if (userId !== null) vars['x-hasura-user-id'] = String(userId);
  let req = supertest(t.app).post(`/api/hasura/actions/${name}`);
  const secret = opts.secret === undefined ? ACTION_SECRET : opts.secret;
  if (secret !== null) req = req.set('x-hasura-action-secret', secret);
  const res = await req.send({ action: { name }, input, session_variables: vars, request_query: 'mutation { x }' });
  const body = res.body as Record<string, unknown>;
  const ext = body['extensions'] as { code?: string } | undefined;
  return { status: res.status, body, code: ext?.code };
}

/** A user created directly in the database (actions trust session_variables, not sessions). */
export async function makeUser(t: TestApp, name = 'Someone'): Promise<number> {
  const r = await t.owner.query<{ user_id: number }>(`insert into users (display_name) values ($1) returning user_id`, [
    name,
  ]);
  const id = r.rows[0]?.user_id;
  if (id === undefined) throw new Error('no user');
  return id;
}

/** Two listings of one season, and one CRN that exists only in another season. */
export async function sampleListings(
  t: TestApp,
): Promise<{ season: string; crns: [number, number]; otherSeason: string; otherCrn: number }> {
  const r = await t.owner.query<{ season_code: string; crn: number }>(
    `select season_code, crn from listings l
      where season_code = (select season_code from listings group by season_code order by count(*) desc limit 1)
      order by crn limit 2`,
  );
  const [a, b] = r.rows;
  if (!a || !b) throw new Error('seed has no listings');
  const o = await t.owner.query<{ season_code: string; crn: number }>(
    `select season_code, crn from listings where season_code <> $1
        and crn not in (select crn from listings where season_code = $1) limit 1`,
    [a.season_code],
  );
  const other = o.rows[0];
  if (!other) throw new Error('seed has one season only');
  return { season: a.season_code, crns: [a.crn, b.crn], otherSeason: other.season_code, otherCrn: other.crn };
}
