-- Cluster-level roles for the coursetable database (docs/design.md, "Roles").
-- Idempotent: safe to run on every start. Run as a superuser (psql -f, docker-entrypoint-initdb.d, or the harness).
-- No passwords here: whoever starts the cluster sets them with ALTER ROLE … PASSWORD from its own secrets
-- (see 02-passwords.sh for the docker variant).
do $$
declare
  r text;
begin
  foreach r in array array['ct_owner', 'ct_engine', 'ct_api', 'ct_readonly'] loop
    if not exists (select 1 from pg_catalog.pg_roles where rolname = r) then
      execute format('create role %I login', r);
    end if;
    -- Least privilege even if the role pre-existed with more.
    execute format('alter role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls', r);
  end loop;
end
$$;

-- Runtime roles never need to see each other's statements or settings.
alter role ct_engine set statement_timeout = '30s';
alter role ct_readonly set default_transaction_read_only = on;
