import { describe, expect, it } from 'vitest';
import { buildInsert } from '../../setup/insert-sql.js';
import { UnsupportedOperation, emptyMetadata, translateSetup } from '../../setup/metadata-ops.js';

const bulk = (...args: unknown[]): unknown => ({ type: 'bulk', args });

describe('setup translation', () => {
  it('turns a bulk body into SQL actions and v3 metadata', () => {
    const body = bulk(
      { type: 'run_sql', args: { sql: 'create table author(id serial primary key);' } },
      { type: 'track_table', args: { schema: 'public', name: 'author' } },
      { type: 'track_table', args: 'article' },
      {
        type: 'pg_track_table',
        args: { source: 'default', table: { schema: 'public', name: 'x' }, configuration: { custom_name: 'y' } },
      },
      {
        type: 'create_array_relationship',
        args: {
          table: 'author',
          name: 'articles',
          using: { foreign_key_constraint_on: { table: 'article', column: 'author_id' } },
        },
      },
      {
        type: 'create_object_relationship',
        args: { table: 'article', name: 'author', using: { foreign_key_constraint_on: 'author_id' } },
      },
      {
        type: 'create_select_permission',
        args: { table: 'author', role: 'user', permission: { columns: '*', filter: {} } },
      },
      { type: 'pg_create_insert_permission', args: { table: 'author', role: 'user', permission: { check: {} } } },
      { type: 'add_computed_field', args: { table: 'author', name: 'full', definition: { function: 'f' } } },
      { type: 'insert', args: { table: 'author', objects: [{ id: 1 }] } },
      { type: 'add_inherited_role', args: { role_name: 'i', role_set: ['user'] } },
      { type: 'drop_relationship', args: { table: 'article', relationship: 'author' } },
    );
    const t = translateSetup(body, emptyMetadata());
    expect(t.metadataChanged).toBe(true);
    expect(t.actions).toEqual([
      { kind: 'sql', sql: 'create table author(id serial primary key);' },
      { kind: 'insert', table: { schema: 'public', name: 'author' }, objects: [{ id: 1 }] },
    ]);
    const src = t.metadata.sources[0];
    expect(src?.tables.map((x) => x.table.name)).toEqual(['author', 'article', 'x']);
    const author = src?.tables[0];
    expect(author?.array_relationships?.[0]?.name).toBe('articles');
    expect(author?.select_permissions).toEqual([{ role: 'user', permission: { columns: '*', filter: {} } }]);
    expect(author?.insert_permissions?.[0]?.role).toBe('user');
    expect(author?.computed_fields?.[0]?.name).toBe('full');
    expect(src?.tables[1]?.object_relationships).toEqual([]);
    expect(src?.tables[2]?.configuration).toEqual({ custom_name: 'y' });
    expect(t.metadata.inherited_roles).toEqual([{ role_name: 'i', role_set: ['user'] }]);
  });

  it('does not touch the metadata it was given', () => {
    const md = emptyMetadata();
    translateSetup({ type: 'track_table', args: { name: 'a', schema: 'public' } }, md);
    expect(md.sources[0]?.tables).toEqual([]);
  });

  it('handles actions, custom types and functions', () => {
    const t = translateSetup(
      bulk(
        { type: 'set_custom_types', args: { objects: [{ name: 'O', fields: [] }] } },
        { type: 'create_action', args: { name: 'a', definition: { handler: 'h', output_type: 'O' } } },
        { type: 'update_action', args: { name: 'a', definition: { handler: 'h2', output_type: 'O' } } },
        { type: 'create_action_permission', args: { action: 'a', role: 'user' } },
        { type: 'track_function', args: { schema: 'public', name: 'search' } },
      ),
      emptyMetadata(),
    );
    expect(t.metadata.actions).toEqual([
      { name: 'a', definition: { handler: 'h2', output_type: 'O' }, permissions: [{ role: 'user' }] },
    ]);
    expect(t.metadata.custom_types).toEqual({ objects: [{ name: 'O', fields: [] }] });
    expect(t.metadata.sources[0]?.functions).toEqual([{ function: { schema: 'public', name: 'search' } }]);
    expect(translateSetup({ type: 'drop_action', args: { name: 'a' } }, t.metadata).metadata.actions).toEqual([]);
  });

  it('rejects operations it does not know', () => {
    expect(() => translateSetup({ type: 'create_remote_schema', args: {} }, emptyMetadata())).toThrow(
      UnsupportedOperation,
    );
    expect(() =>
      translateSetup({ type: 'create_select_permission', args: { table: 'nope', role: 'r' } }, emptyMetadata()),
    ).toThrow(/table "nope" does not exist/);
  });
});

describe('legacy insert', () => {
  it('binds the rows as one JSON parameter per run of equal key sets, in order', () => {
    const stmts = buildInsert({ schema: 'public', name: 'a"b' }, [{ x: 1 }, { x: 2 }, { x: 3, y: 'z' }], new Map());
    expect(stmts).toHaveLength(2);
    expect(stmts[0]?.text).toContain('INSERT INTO "public"."a""b" ("x") SELECT (r.p)."x"');
    expect(stmts[0]?.text).toContain('ORDER BY r.i');
    expect(stmts[0]?.values).toEqual(['[{"x":1},{"x":2}]']);
    expect(stmts[1]?.values).toEqual(['[{"x":3,"y":"z"}]']);
    expect(stmts.every((s) => !s.text.includes("'z'"))).toBe(true);
  });

  it('reads GeoJSON into PostGIS columns', () => {
    const [s] = buildInsert(
      { schema: 'public', name: 't' },
      [{ id: 1, g: { type: 'Point', coordinates: [1, 2] } }],
      new Map([['g', 'geometry']]),
    );
    expect(s?.text).toContain(`ST_GeomFromGeoJSON(r.v -> 'g')::geometry`);
    expect(s?.text).toContain(`(e.v::jsonb - ARRAY['g']::text[])::json`);
  });
});
