/**
 * Permissions fail closed (issue 14, finding 4): a permission whose filter or check names a column, relationship or
 * computed field that does not resolve (a relationship to an untracked table, an `_exists` on one, a typo) is
 * reported as inconsistent metadata at load, like Hasura (`get_inconsistent_metadata`), and the role gets nothing
 * from it; the planner itself refuses an unresolved target instead of dropping the condition. No database.
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileOperation, makeCompileContext } from '../../src/compiler/compile-operation.js';
import { EngineError } from '../../src/errors.js';
import type { Catalog, CatalogColumn, PgTypeRef } from '../../src/introspect/catalog-types.js';
import type { HasuraMetadata, TableMetadata } from '../../src/metadata/types.js';
import type { Model, TableInfo } from '../../src/model/model-types.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import { selectPermission } from '../../src/model/select-permission.js';
import { planPermissionBoolExp } from '../../src/plan/plan-bool-exp.js';
import { planOperation, selectOperation, validateDocument } from '../../src/plan/plan-operation.js';
import { buildRoleSchema } from '../../src/schema/build-schema.js';

const int4: PgTypeRef = { name: 'int4', schema: 'pg_catalog', kind: 'b', elem: null, base: null };
const col = (name: string, position: number): CatalogColumn => ({
  name,
  type: int4,
  notNull: true,
  hasDefault: false,
  isGenerated: false,
  comment: null,
  position,
});

/** `course.owner_id → owner.id`; `owner` exists in the database but is not tracked. */
const catalog: Catalog = {
  tables: [
    {
      schema: 'public',
      name: 'course',
      kind: 'r',
      comment: null,
      columns: [col('id', 1), col('owner_id', 2)],
      primaryKey: { name: 'course_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [
        {
          name: 'course_owner_fkey',
          columns: ['owner_id'],
          refSchema: 'public',
          refTable: 'owner',
          refColumns: ['id'],
        },
      ],
    },
    {
      schema: 'public',
      name: 'owner',
      kind: 'r',
      comment: null,
      columns: [col('id', 1), col('user_id', 2)],
      primaryKey: { name: 'owner_pkey', columns: ['id'] },
      uniques: [],
      foreignKeys: [],
    },
  ],
  functions: [],
  enums: {},
};

const OWN = { owner: { user_id: { _eq: 'X-Hasura-User-Id' } } };

function metadataWith(course: Omit<TableMetadata, 'table'>): HasuraMetadata {
  return {
    version: 3,
    sources: [
      {
        name: 'default',
        kind: 'postgres',
        configuration: {},
        tables: [
          {
            table: { schema: 'public', name: 'course' },
            object_relationships: [{ name: 'owner', using: { foreign_key_constraint_on: 'owner_id' } }],
            ...course,
          },
        ],
      },
    ],
  };
}

function compileFor(model: Model, role: string, query: string): { text: string } {
  const schema = buildRoleSchema(model, role);
  const doc = parse(query);
  validateDocument(schema, doc);
  const session = { 'x-hasura-user-id': '7' };
  const roots = planOperation({
    model,
    schema,
    role,
    doc,
    op: selectOperation(doc, null),
    variables: {},
    session,
    nullCollapse: false,
  });
  return { text: compileOperation(roots, makeCompileContext(session, false)).query?.text ?? '' };
}

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

const notServed = (field: string, type: string) => ({
  code: 'validation-failed',
  message: `field '${field}' not found in type: '${type}'`,
});

describe('permissions fail closed on unresolvable references', () => {
  it('reports a select filter through a relationship to an untracked table, and the role cannot read the rows (fail-open row filter)', () => {
    const model = resolveModel(
      metadataWith({ select_permissions: [{ role: 'student', permission: { columns: ['id'], filter: OWN } }] }),
      catalog,
    );
    expect(model.inconsistencies.map((i) => [i.type, i.name, i.reason])).toEqual([
      [
        'object_relation',
        'object_relation owner in table course in source default',
        'Inconsistent object: table "owner" is not tracked',
      ],
      [
        'select_permission',
        'select_permission student in table course in source default',
        'Inconsistent object: in table "course": in permission for role "student": "owner" does not exist',
      ],
    ]);
    expect(errorOf(() => compileFor(model, 'student', '{ course { id } }'))).toEqual(notServed('course', 'query_root'));
    // admin still reads the table
    expect(compileFor(model, 'admin', '{ course { id } }').text).toContain('"public"."course"');
  });

  it('reports a select filter on a missing column and an _exists on an untracked table (typo / dropped table)', () => {
    const model = resolveModel(
      metadataWith({
        select_permissions: [
          { role: 'student', permission: { columns: ['id'], filter: { _or: [{ id: { _eq: 1 } }, { nope: {} }] } } },
          {
            role: 'auditor',
            permission: {
              columns: ['id'],
              filter: { _exists: { _table: { schema: 'public', name: 'owner' }, _where: { user_id: { _eq: 1 } } } },
            },
          },
        ],
      }),
      catalog,
    );
    expect(model.inconsistencies.filter((i) => i.type === 'select_permission').map((i) => i.reason)).toEqual([
      'Inconsistent object: in table "course": in permission for role "student": "nope" does not exist',
      'Inconsistent object: in table "course": in permission for role "auditor": table "owner" does not exist',
    ]);
    for (const role of ['student', 'auditor']) {
      expect(
        errorOf(() => compileFor(model, role, '{ course { id } }')),
        role,
      ).toEqual(notServed('course', 'query_root'));
    }
  });

  it('reports a column comparison (_ceq) against a missing column', () => {
    const model = resolveModel(
      metadataWith({
        select_permissions: [{ role: 'student', permission: { columns: ['id'], filter: { id: { _ceq: 'ghost' } } } }],
      }),
      catalog,
    );
    expect(model.inconsistencies.filter((i) => i.type === 'select_permission').map((i) => i.reason)).toEqual([
      'Inconsistent object: in table "course": in permission for role "student": column "ghost" does not exist',
    ]);
  });

  it('reports insert checks and update/delete filters through an untracked relationship, and drops those mutations (fail-open write filter)', () => {
    const model = resolveModel(
      metadataWith({
        select_permissions: [{ role: 'student', permission: { columns: ['id'], filter: { id: { _eq: 1 } } } }],
        insert_permissions: [{ role: 'student', permission: { check: OWN, columns: ['id', 'owner_id'] } }],
        update_permissions: [{ role: 'student', permission: { columns: ['owner_id'], filter: OWN, check: {} } }],
        delete_permissions: [{ role: 'student', permission: { filter: OWN } }],
      }),
      catalog,
    );
    const perms = model.inconsistencies.filter((i) => i.type !== 'object_relation');
    expect(perms.map((i) => [i.type, i.name])).toEqual([
      ['insert_permission', 'insert_permission student in table course in source default'],
      ['update_permission', 'update_permission student in table course in source default'],
      ['delete_permission', 'delete_permission student in table course in source default'],
    ]);
    for (const i of perms) {
      expect(i.reason).toBe(
        'Inconsistent object: in table "course": in permission for role "student": "owner" does not exist',
      );
    }
    const mutations = buildRoleSchema(model, 'student').getMutationType()?.getFields() ?? {};
    expect(Object.keys(mutations)).toEqual([]);
    // the consistent select permission is still served
    expect(compileFor(model, 'student', '{ course { id } }').text).toContain('"public"."course"');
  });

  it('the planner refuses a relationship or table computed field whose target is not in the model (never drops the condition)', () => {
    const model = resolveModel(metadataWith({}), catalog);
    const course = model.tables.get('public.course');
    if (!course) throw new Error('course not resolved');
    const broken: TableInfo = {
      ...course,
      relationships: [
        {
          name: 'ghost',
          kind: 'object',
          target: 'public.ghost',
          mapping: [['owner_id', 'id']],
          nonNull: false,
          description: null,
        },
      ],
      computedFields: [
        {
          name: 'ghosts',
          fnSchema: 'public',
          fnName: 'ghosts',
          args: [{ kind: 'table' }],
          returns: { kind: 'table', table: 'public.ghost', set: true },
          description: null,
        },
      ],
    };
    const ctx = { model, perm: (t: TableInfo) => selectPermission(t, 'admin'), session: {}, nullCollapse: false };
    for (const exp of [{ ghost: { id: { _eq: 1 } } }, { ghosts: { id: { _eq: 1 } } }]) {
      expect(
        errorOf(() => planPermissionBoolExp(ctx, broken, exp)),
        JSON.stringify(exp),
      ).toMatchObject({ code: 'unexpected' });
    }
  });
});
