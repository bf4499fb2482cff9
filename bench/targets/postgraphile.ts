/**
 * Target (b): PostGraphile 5 on the same database, role and pool size as the engine.
 *
 * The engine enforces the `student` worksheet rule from the metadata (own worksheets, or a friend's non-private
 * ones) in its SQL. PostGraphile's way is row-level security, so `enableStudentRls` gives the bench database the
 * same rule as policies for a `bench_student` role, which the PostGraphile server switches to for a student token.
 * `ct_engine` gets BYPASSRLS so that the engine and the raw SQL (which connect as ct_engine) read the tables
 * exactly as before: only PostGraphile's student requests are filtered by the policies.
 */
import type { Stack } from '../../stack/src/harness.js';
import { freePort } from '../../stack/src/processes.js';
import { answers, startChild, type Child } from './child.js';

const RLS_SQL = `
do $$ begin
  if not exists (select from pg_roles where rolname = 'bench_student') then create role bench_student nologin; end if;
end $$;
grant bench_student to ct_engine;
alter role ct_engine bypassrls;
grant usage on schema public to bench_student;
grant select on worksheets, worksheet_courses, friendships to bench_student;
alter table worksheets enable row level security;
alter table worksheet_courses enable row level security;
drop policy if exists bench_student_select on worksheets;
create policy bench_student_select on worksheets for select to bench_student using (
  user_id = nullif(current_setting('jwt.claims.user_id', true), '')::int
  or (not private and exists (
    select 1 from friendships f
    where f.friend_user_id = worksheets.user_id
      and f.user_id = nullif(current_setting('jwt.claims.user_id', true), '')::int)));
drop policy if exists bench_student_select on worksheet_courses;
create policy bench_student_select on worksheet_courses for select to bench_student using (
  exists (select 1 from worksheets w where w.worksheet_id = worksheet_courses.worksheet_id));
`;

/** The metadata's `student` select rule on worksheets and worksheet_courses, as RLS policies (idempotent). */
export async function enableStudentRls(stack: Stack, db: string): Promise<void> {
  const c = await stack.superClient(db);
  try {
    await c.query(RLS_SQL);
  } finally {
    await c.end();
  }
}

export async function startPostgraphile(opts: {
  databaseUrl: string;
  viaBouncer: boolean;
  poolSize: number;
  jwtKey: string;
  logDir: string;
}): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  return startChild(
    {
      name: 'postgraphile',
      entry: 'bench/targets/postgraphile-server.ts',
      // pgbouncer 1.18 in transaction mode cannot keep named prepared statements.
      env: {
        GRAPHILE_ENV: 'production',
        ...(opts.viaBouncer ? { DATAPLAN_PG_PREPARED_STATEMENT_CACHE_SIZE: '0' } : {}),
      },
      config: { databaseUrl: opts.databaseUrl, port, poolSize: opts.poolSize, jwtKey: opts.jwtKey },
      url,
      ready: () =>
        answers(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
    },
    opts.logDir,
  );
}
