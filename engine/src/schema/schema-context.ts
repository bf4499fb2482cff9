/** Per-role view of the model used while building one role's schema. */
import type {
  ColumnInfo,
  ComputedFieldInfo,
  Model,
  RelationshipInfo,
  SelectPermInfo,
  TableInfo,
} from '../model/model-types.js';
import { ScalarRegistry } from './build-scalars.js';
import { selectPermission } from '../model/select-permission.js';

export interface SchemaOptions {
  /** HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES */
  readonly stringifyNumeric: boolean;
  /** HASURA_GRAPHQL_V1_BOOLEAN_NULL_COLLAPSE */
  readonly nullCollapse: boolean;
}

export class SchemaContext {
  readonly scalars: ScalarRegistry;
  readonly isAdmin: boolean;
  constructor(
    readonly model: Model,
    readonly role: string,
  ) {
    this.isAdmin = role === 'admin';
    this.scalars = new ScalarRegistry(new Set([...model.tables.values()].map((t) => t.gqlName)));
  }

  perm(t: TableInfo): SelectPermInfo | undefined {
    return selectPermission(t, this.role);
  }

  table(key: string): TableInfo | undefined {
    return this.model.tables.get(key);
  }

  columns(t: TableInfo): ColumnInfo[] {
    const p = this.perm(t);
    return p ? t.columns.filter((c) => p.columns.has(c.name)) : [];
  }

  relationships(t: TableInfo): { rel: RelationshipInfo; target: TableInfo; aggregate: boolean }[] {
    const out: { rel: RelationshipInfo; target: TableInfo; aggregate: boolean }[] = [];
    for (const rel of t.relationships) {
      const target = this.table(rel.target);
      const tp = target ? this.perm(target) : undefined;
      if (target && tp && this.hasFields(target))
        out.push({ rel, target, aggregate: rel.kind === 'array' && tp.allowAggregations });
    }
    return out;
  }

  computed(t: TableInfo): { cf: ComputedFieldInfo; target: TableInfo | undefined; aggregate: boolean }[] {
    const p = this.perm(t);
    if (!p) return [];
    const out: { cf: ComputedFieldInfo; target: TableInfo | undefined; aggregate: boolean }[] = [];
    for (const cf of t.computedFields) {
      // Table-returning computed fields follow the target table's select permission (Hasura: Schema/Select.hs
      // `computedFieldPG`); only scalar ones must be listed in `computed_fields`.
      if (cf.returns.kind === 'scalar' && !p.computedFields.has(cf.name)) continue;
      if (cf.returns.kind === 'table') {
        const target = this.table(cf.returns.table);
        const tp = target ? this.perm(target) : undefined;
        if (target && tp && this.hasFields(target))
          out.push({ cf, target, aggregate: cf.returns.set && tp.allowAggregations });
      } else out.push({ cf, target: undefined, aggregate: false });
    }
    return out;
  }

  /** A table appears only if the role can see at least one column or scalar computed field. */
  hasFields(t: TableInfo): boolean {
    const p = this.perm(t);
    if (!p) return false;
    return (
      p.columns.size > 0 || t.computedFields.some((c) => p.computedFields.has(c.name) && c.returns.kind === 'scalar')
    );
  }
}
