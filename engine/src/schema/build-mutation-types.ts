/**
 * Mutation root fields and their input types for one role (src: Hasura/GraphQL/Schema/Mutation.hs
 * `insertIntoTable`, `insertOneIntoTable`, `tableFieldsInput`, `objectRelationshipInput`, `arrayRelationshipInput`,
 * `conflictObject`, `mutationSelectionSet`, `deleteFromTable`, `deleteFromTableByPk`; Update.hs / Backends/Postgres/
 * Schema/Update.hs `updateTable`, `updateTableByPk`, `updateTableMany`, `updateOperators`; names from
 * SourceCustomization.hs). What each field means is attached as `extensions.hasuraMutation`.
 */
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import type {
  GraphQLFieldConfigArgumentMap,
  GraphQLFieldConfigMap,
  GraphQLInputFieldConfigMap,
  GraphQLInputType,
} from 'graphql';
import type { ColumnInfo, RelationshipInfo, TableInfo } from '../model/model-types.js';
import { isNumericType } from '../model/pg-scalars.js';
import type { DeletePermInfo, InsertPermInfo, UpdatePermInfo } from '../model/mutation-types.js';
import { mutationPerms } from '../model/resolve-mutation.js';
import type { SchemaContext } from './schema-context.js';
import { COLUMN_VALUE } from './build-scalars.js';
import type { TableTypes } from './build-table-types.js';

export type MutationFieldInfo =
  | { readonly kind: 'insert'; readonly table: TableInfo; readonly one: boolean }
  | { readonly kind: 'update'; readonly table: TableInfo; readonly byPk: boolean }
  | { readonly kind: 'update_many'; readonly table: TableInfo }
  | { readonly kind: 'delete'; readonly table: TableInfo; readonly byPk: boolean };

export type InsertInputInfo =
  | { readonly kind: 'column'; readonly column: ColumnInfo }
  | { readonly kind: 'relationship'; readonly rel: RelationshipInfo; readonly table: TableInfo };

export function mutationFieldInfo(ext: Readonly<Record<string, unknown>>): MutationFieldInfo | undefined {
  return ext['hasuraMutation'] as MutationFieldInfo | undefined;
}

export function insertInputInfo(ext: Readonly<Record<string, unknown>>): InsertInputInfo | undefined {
  return ext['hasuraInsert'] as InsertInputInfo | undefined;
}

type Perms = { insert?: InsertPermInfo; update?: UpdatePermInfo; delete?: DeletePermInfo };

const JSONB_OPS = [
  ['_append', 'append_input', 'append existing jsonb value of filtered columns with new jsonb value'],
  [
    '_delete_at_path',
    'delete_at_path_input',
    'delete the field or element with specified path (for JSON arrays, negative integers count from the end)',
  ],
  [
    '_delete_elem',
    'delete_elem_input',
    'delete the array element with specified index (negative integers count from the end). throws an error if top level container is not an array',
  ],
  [
    '_delete_key',
    'delete_key_input',
    'delete key/value pair or string element. key/value pairs are matched based on their key value',
  ],
  ['_prepend', 'prepend_input', 'prepend existing jsonb value of filtered columns with new jsonb value'],
] as const;

function sorted<T>(m: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k] as T;
  return out;
}

export class MutationTypes {
  private readonly cache = new Map<string, unknown>();
  constructor(
    private readonly ctx: SchemaContext,
    private readonly types: TableTypes,
    private readonly backendOnly: boolean,
  ) {}

  private memo<T>(name: string, make: () => T): T {
    if (!this.cache.has(name)) this.cache.set(name, make());
    return this.cache.get(name) as T;
  }

  perms(t: TableInfo): Perms {
    return mutationPerms(t, this.ctx.role, this.backendOnly);
  }

  private inputScalar(c: ColumnInfo): GraphQLInputType {
    const s = this.ctx.scalars.scalar(c.scalar);
    return c.isArray ? new GraphQLList(new GraphQLNonNull(s)) : s;
  }

  /** Columns a role may write: permission columns minus preset columns. */
  writable(t: TableInfo, cols: ReadonlySet<string>, set: Readonly<Record<string, unknown>>): ColumnInfo[] {
    return t.columns.filter((c) => cols.has(c.name) && !(c.name in set));
  }

  insertInput(t: TableInfo, p: InsertPermInfo): GraphQLInputObjectType {
    return this.memo(
      `ins:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_insert_input`,
          description: `input type for inserting data into table "${t.name}"`,
          fields: () => {
            const f: GraphQLInputFieldConfigMap = {};
            for (const c of this.writable(t, p.columns, p.set)) {
              f[c.gqlName] = {
                type: this.inputScalar(c),
                extensions: {
                  hasuraInsert: { kind: 'column', column: c } satisfies InsertInputInfo,
                  [COLUMN_VALUE]: true,
                },
              };
            }
            for (const rel of t.relationships) {
              const target = this.ctx.table(rel.target);
              const tp = target ? this.perms(target).insert : undefined;
              if (!target || !tp) continue;
              const type = rel.kind === 'object' ? this.objRelInput(target, tp) : this.arrRelInput(target, tp);
              f[rel.name] = {
                type,
                extensions: { hasuraInsert: { kind: 'relationship', rel, table: target } satisfies InsertInputInfo },
              };
            }
            return sorted(f);
          },
        }),
    );
  }

  private objRelInput(t: TableInfo, p: InsertPermInfo): GraphQLInputObjectType {
    return this.memo(
      `objrel:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_obj_rel_insert_input`,
          description: `input type for inserting object relation for remote table "${t.name}"`,
          fields: () => ({
            data: { type: new GraphQLNonNull(this.insertInput(t, p)) },
            ...this.onConflictArg(t),
          }),
        }),
    );
  }

  private arrRelInput(t: TableInfo, p: InsertPermInfo): GraphQLInputObjectType {
    return this.memo(
      `arrrel:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_arr_rel_insert_input`,
          description: `input type for inserting array relation for remote table "${t.name}"`,
          fields: () => ({
            data: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.insertInput(t, p)))) },
            ...this.onConflictArg(t),
          }),
        }),
    );
  }

  /** `on_conflict` exists when the role may update the table and it has unique constraints (upsert). */
  onConflictArg(t: TableInfo): { on_conflict?: { type: GraphQLInputObjectType; description: string } } {
    const up = this.perms(t).update;
    const cons = t.mutation?.constraints ?? [];
    if (!up || cons.length === 0) return {};
    const type = this.memo(
      `conflict:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_on_conflict`,
          description: `on_conflict condition type for table "${t.name}"`,
          fields: () => ({
            constraint: { type: new GraphQLNonNull(this.constraintEnum(t)) },
            update_columns: {
              type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.updateColumnEnum(t, up)))),
              defaultValue: [],
            },
            where: { type: this.types.boolExp(t) },
          }),
        }),
    );
    return { on_conflict: { type, description: 'upsert condition' } };
  }

  private constraintEnum(t: TableInfo): GraphQLEnumType {
    return this.memo(`cons:${t.key}`, () => {
      const values: Record<string, { value: string; description: string }> = {};
      for (const c of t.mutation?.constraints ?? []) {
        values[c.name] = {
          value: c.name,
          description: `unique or primary key constraint on columns ${c.columns.map((x) => `"${x}"`).join(', ')}`,
        };
      }
      return new GraphQLEnumType({
        name: `${t.gqlName}_constraint`,
        description: `unique or primary key constraints on table "${t.name}"`,
        values,
      });
    });
  }

  private updateColumnEnum(t: TableInfo, p: UpdatePermInfo): GraphQLEnumType {
    return this.memo(`updcol:${t.key}`, () => {
      const values: Record<string, { value: string; description: string }> = {};
      const cols = this.writable(t, p.columns, p.set).sort((a, b) => (a.gqlName < b.gqlName ? -1 : 1));
      for (const c of cols) values[c.gqlName] = { value: c.name, description: 'column name' };
      if (cols.length === 0)
        values['_PLACEHOLDER'] = { value: '_PLACEHOLDER', description: 'placeholder (do not use)' };
      return new GraphQLEnumType({
        name: `${t.gqlName}_update_column`,
        description: `update columns of table "${t.name}"`,
        values,
      });
    });
  }

  response(t: TableInfo): GraphQLObjectType {
    return this.memo(
      `resp:${t.key}`,
      () =>
        new GraphQLObjectType({
          name: `${t.gqlName}_mutation_response`,
          description: `response of any mutation on the table "${t.name}"`,
          fields: () => {
            const f: GraphQLFieldConfigMap<unknown, unknown> = {
              affected_rows: {
                type: new GraphQLNonNull(GraphQLInt),
                description: 'number of rows affected by the mutation',
              },
            };
            if (this.ctx.hasFields(t)) {
              f['returning'] = {
                type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.types.object(t)))),
                description: 'data from the rows affected by the mutation',
              };
            }
            return f;
          },
        }),
    );
  }

  /** `_set`, `_inc` and the jsonb operators for update (each only when it has columns). */
  updateArgs(t: TableInfo, p: UpdatePermInfo): GraphQLFieldConfigArgumentMap {
    const cols = this.writable(t, p.columns, p.set);
    const args: GraphQLFieldConfigArgumentMap = {};
    const mk = (
      suffix: string,
      desc: string,
      list: ColumnInfo[],
      typeOf: (c: ColumnInfo) => GraphQLInputType,
      typeDesc: string,
      columnValue = false,
    ): void => {
      if (list.length === 0) return;
      const type = this.memo(
        `${suffix}:${t.key}`,
        () =>
          new GraphQLInputObjectType({
            name: `${t.gqlName}_${suffix}`,
            description: typeDesc,
            fields: () =>
              sorted(
                Object.fromEntries(
                  list.map((c) => [
                    c.gqlName,
                    {
                      type: typeOf(c),
                      extensions: {
                        hasuraInsert: { kind: 'column', column: c },
                        ...(columnValue ? { [COLUMN_VALUE]: true } : {}),
                      },
                    },
                  ]),
                ),
              ),
          }),
      );
      args[`_${suffix.replace(/_input$/, '')}`] = { type, description: desc };
    };
    const jsonb = cols.filter((c) => c.baseType === 'jsonb' && !c.isArray);
    const jsonbType = this.ctx.scalars.scalar('jsonb');
    for (const [arg, suffix, desc] of JSONB_OPS) {
      const typeOf =
        arg === '_delete_key'
          ? (): GraphQLInputType => GraphQLString
          : arg === '_delete_elem'
            ? (): GraphQLInputType => GraphQLInt
            : arg === '_delete_at_path'
              ? (): GraphQLInputType => new GraphQLList(new GraphQLNonNull(GraphQLString))
              : (): GraphQLInputType => jsonbType;
      mk(suffix, desc, jsonb, typeOf, `${arg.slice(1).replace(/_/g, ' ')} input type for table "${t.name}"`);
    }
    mk(
      'inc_input',
      'increments the numeric columns with given value of the filtered values',
      cols.filter((c) => isNumericType(c.baseType) && !c.isArray),
      (c) => this.inputScalar(c),
      `input type for incrementing numeric columns in table "${t.name}"`,
      true,
    );
    mk(
      'set_input',
      'sets the columns of the filtered rows to the given values',
      cols,
      (c) => this.inputScalar(c),
      `input type for updating data in table "${t.name}"`,
      true,
    );
    return sorted(args);
  }

  pkColumnsInput(t: TableInfo): GraphQLInputObjectType | undefined {
    const pk = t.primaryKey;
    if (!pk || pk.length === 0) return undefined;
    return this.memo(
      `pkcols:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_pk_columns_input`,
          description: `primary key columns input for table: ${t.name}`,
          fields: () => {
            const f: GraphQLInputFieldConfigMap = {};
            for (const n of pk) {
              const c = t.columnByName.get(n);
              if (c)
                f[c.gqlName] = { type: new GraphQLNonNull(this.inputScalar(c)), extensions: { [COLUMN_VALUE]: true } };
            }
            return f;
          },
        }),
    );
  }

  updatesInput(t: TableInfo, p: UpdatePermInfo): GraphQLInputObjectType {
    return this.memo(
      `updates:${t.key}`,
      () =>
        new GraphQLInputObjectType({
          name: `${t.gqlName}_updates`,
          fields: () => {
            const f: GraphQLInputFieldConfigMap = {};
            for (const [k, a] of Object.entries(this.updateArgs(t, p)))
              f[k] = { type: a.type, ...(a.description ? { description: a.description } : {}) };
            f['where'] = {
              type: new GraphQLNonNull(this.types.boolExp(t)),
              description: 'filter the rows which have to be updated',
            };
            return sorted(f);
          },
        }),
    );
  }
}
