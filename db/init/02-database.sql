-- Creates the application database owned by ct_owner if it is missing (production / docker init).
-- psql variable `db` names it (default coursetable):  psql -v db=coursetable -f db/init/02-database.sql
-- The test harness creates its own databases (ct_template, t_<random>) with the same owner instead.
\if :{?db}
\else
  \set db coursetable
\endif
select format('create database %I owner ct_owner encoding ''UTF8'' template template0', :'db')
where not exists (select 1 from pg_catalog.pg_database where datname = :'db')
\gexec
-- Only the application roles connect; PUBLIC keeps no implicit CONNECT.
select format('revoke all on database %I from public', :'db') \gexec
select format('grant connect on database %I to ct_owner, ct_engine, ct_api, ct_readonly', :'db') \gexec
