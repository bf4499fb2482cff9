/**
 * One catalog query returning the whole model as a single JSON value (the same idea as Hasura's
 * `pg_table_metadata.sql` in server/src-rsr/, and graphile's pg-introspection): tables, views, columns with type,
 * nullability, defaults and comments, keys, FKs, functions and enums, outside the system schemas.
 */
export const CATALOG_SQL = `
with typ as (
  select t.oid, t.typname as name, tn.nspname as schema, t.typtype as kind,
         case when t.typcategory = 'A' then et.typname end as elem,
         case when t.typtype = 'd' then bt.typname end as base
  from pg_type t
  join pg_namespace tn on tn.oid = t.typnamespace
  left join pg_type et on et.oid = t.typelem and t.typcategory = 'A'
  left join pg_type bt on bt.oid = t.typbasetype and t.typtype = 'd'
),
rels as (
  select c.oid, n.nspname as schema, c.relname as name, c.relkind as kind,
         obj_description(c.oid, 'pg_class') as comment
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r','v','m','f','p')
    and n.nspname not in ('pg_catalog','information_schema','hdb_catalog')
    and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
)
select json_build_object(
  'tables', coalesce((select json_agg(json_build_object(
    'schema', r.schema, 'name', r.name, 'kind', r.kind, 'comment', r.comment,
    'columns', coalesce((select json_agg(json_build_object(
        'name', a.attname,
        'type', (select row_to_json(typ) from typ where typ.oid = a.atttypid),
        'notNull', a.attnotnull,
        'hasDefault', a.atthasdef or a.attidentity <> '',
        'isGenerated', a.attgenerated <> '',
        'comment', col_description(r.oid, a.attnum),
        'position', a.attnum) order by a.attnum)
      from pg_attribute a where a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped), '[]'),
    'primaryKey', (select json_build_object('name', con.conname, 'columns',
        (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = r.oid and a.attnum = k.attnum))
      from pg_constraint con where con.conrelid = r.oid and con.contype = 'p'),
    'uniques', coalesce((select json_agg(json_build_object('name', con.conname, 'columns',
        (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
         join pg_attribute a on a.attrelid = r.oid and a.attnum = k.attnum)))
      from pg_constraint con where con.conrelid = r.oid and con.contype = 'u'), '[]'),
    'foreignKeys', coalesce((select json_agg(json_build_object('name', con.conname,
        'columns', (select json_agg(a.attname order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
                    join pg_attribute a on a.attrelid = r.oid and a.attnum = k.attnum),
        'refSchema', fn.nspname, 'refTable', fc.relname,
        'refColumns', (select json_agg(a.attname order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
                       join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum)))
      from pg_constraint con join pg_class fc on fc.oid = con.confrelid join pg_namespace fn on fn.oid = fc.relnamespace
      where con.conrelid = r.oid and con.contype = 'f'), '[]')
  ) order by r.schema, r.name) from rels r), '[]'),
  'functions', coalesce((select json_agg(json_build_object(
    'schema', n.nspname, 'name', p.proname,
    'argNames', coalesce(p.proargnames[1:p.pronargs], array_fill(''::text, array[p.pronargs])),
    'argTypes', coalesce((select json_agg((select row_to_json(typ) from typ where typ.oid = at.oid) order by at.ord)
                 from unnest(p.proargtypes::oid[]) with ordinality at(oid, ord)), '[]'),
    'argDefaults', p.pronargdefaults,
    'returnType', (select row_to_json(typ) from typ where typ.oid = p.prorettype),
    'returnsSet', p.proretset, 'volatility', p.provolatile,
    'comment', obj_description(p.oid, 'pg_proc')))
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname not in ('pg_catalog','information_schema','hdb_catalog') and p.prokind = 'f'), '[]'),
  'enums', coalesce((select json_object_agg(s.key, s.labels) from (
    select tn.nspname || '.' || t.typname as key, json_agg(e.enumlabel order by e.enumsortorder) as labels
    from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace tn on tn.oid = t.typnamespace
    group by 1) s), '{}')
)::text as catalog
`;
