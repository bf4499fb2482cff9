/**
 * Secret columns and ct_readonly (pgAdmin): administrators read every column but the ones holding a secret or a hash
 * of one (password hashes, reset and verification token hashes, …), recognised by their name.
 */

/** Column names that hold a secret (Postgres regular expression, case-insensitive `~*`). */
export const SECRET_COLUMN = 'password|token|secret|hash';

/**
 * SQL hiding every secret column of schema public from ct_readonly: on each table or view with one, table-level
 * SELECT is replaced by SELECT on its other columns. Idempotent, and generic: a later migration that adds a secret
 * column, a table with one, or a column to such a table (column grants do not cover new columns) runs it again;
 * test/privileges.test.ts fails until it does.
 */
export function hideSecretColumnsSql(): string {
  return `
do $$
declare
  t record;
  visible text;
begin
  for t in
    select c.oid, c.relname from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and exists (select 1 from pg_attribute a
                  where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attname ~* '${SECRET_COLUMN}')
  loop
    select string_agg(quote_ident(a.attname), ', ' order by a.attnum) into visible
    from pg_attribute a
    where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.attname !~* '${SECRET_COLUMN}';
    -- revoking the table privilege revokes every column privilege of the same kind as well
    execute format('revoke select on public.%I from ct_readonly', t.relname);
    if visible is not null then
      execute format('grant select (%s) on public.%I to ct_readonly', visible, t.relname);
    end if;
  end loop;
end
$$;`;
}
