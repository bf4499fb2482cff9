/**
 * Scalars, `order_by`, and `<Scalar>_comparison_exp` input types (src: Hasura/Backends/Postgres/Instances/Schema.hs
 * `comparisonExps`; descriptions copied from Hasura's generated schema).
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLString,
} from 'graphql';
import type { GraphQLInputFieldConfigMap, GraphQLInputType, GraphQLScalarType as ScalarT } from 'graphql';
import { isStringType } from '../model/pg-scalars.js';

/**
 * Input-field extension marking a column value (insert/set/inc/pk columns, comparison values). Hasura parses these
 * through `columnParser`, which turns the value into JSON and lets a JSON string through as untyped text for
 * Postgres to decode (`parsePGValue`: `(_, String t) -> PGValUnknown t`), so `c2_integer: "2147483647"` is accepted.
 */
export const COLUMN_VALUE = 'hasuraColumnValue';
const VALUE_OPS = new Set(['_eq', '_neq', '_gt', '_gte', '_lt', '_lte', '_in', '_nin']);

const BUILTIN = new Map<string, ScalarT>([
  ['Int', GraphQLInt],
  ['String', GraphQLString],
  ['Boolean', GraphQLBoolean],
  ['Float', GraphQLFloat],
]);

export class ScalarRegistry {
  private readonly scalars = new Map<string, ScalarT>();
  private readonly comparisons = new Map<string, GraphQLInputObjectType>();
  readonly orderBy = new GraphQLEnumType({
    name: 'order_by',
    description: 'column ordering options',
    values: {
      asc: { description: 'in ascending order, nulls last' },
      asc_nulls_first: { description: 'in ascending order, nulls first' },
      asc_nulls_last: { description: 'in ascending order, nulls last' },
      desc: { description: 'in descending order, nulls first' },
      desc_nulls_first: { description: 'in descending order, nulls first' },
      desc_nulls_last: { description: 'in descending order, nulls last' },
    },
  });

  /** @param reserved object type names (tables); a clashing scalar gets Hasura's `_scalar` suffix. */
  constructor(private readonly reserved: ReadonlySet<string> = new Set()) {}

  scalar(pgName: string): ScalarT {
    const builtin = BUILTIN.get(pgName);
    if (builtin) return builtin;
    const name = this.reserved.has(pgName) ? `${pgName}_scalar` : pgName;
    let s = this.scalars.get(name);
    if (!s) {
      s = new GraphQLScalarType({ name });
      this.scalars.set(name, s);
    }
    return s;
  }

  /** `<Scalar>_comparison_exp` (or `<Scalar>_array_comparison_exp` for array columns). */
  comparison(scalarName: string, pgBase: string, isArray: boolean): GraphQLInputObjectType {
    const name = isArray ? `${scalarName}_array_comparison_exp` : `${scalarName}_comparison_exp`;
    const existing = this.comparisons.get(name);
    if (existing) return existing;
    const s = this.scalar(scalarName);
    const one: GraphQLInputType = isArray ? new GraphQLList(new GraphQLNonNull(s)) : s;
    const list = new GraphQLList(new GraphQLNonNull(one));
    const op = (type: GraphQLInputType, desc?: string) => ({
      type,
      ...(desc ? { description: desc } : {}),
      extensions: { hasura: { kind: 'comparison_op', op: '' } },
    });
    const fields: GraphQLInputFieldConfigMap = {
      _eq: op(one),
      _gt: op(one),
      _gte: op(one),
      _in: op(list),
      _is_null: op(GraphQLBoolean),
      _lt: op(one),
      _lte: op(one),
      _neq: op(one),
      _nin: op(list),
    };
    if (isArray) {
      fields['_contained_in'] = op(one, 'is the array contained in the given array value');
      fields['_contains'] = op(one, 'does the array contain the given value');
    } else if (isStringType(pgBase)) {
      Object.assign(fields, {
        _ilike: op(s, 'does the column match the given case-insensitive pattern'),
        _iregex: op(s, 'does the column match the given POSIX regular expression, case insensitive'),
        _like: op(s, 'does the column match the given pattern'),
        _nilike: op(s, 'does the column NOT match the given case-insensitive pattern'),
        _niregex: op(s, 'does the column NOT match the given POSIX regular expression, case insensitive'),
        _nlike: op(s, 'does the column NOT match the given pattern'),
        _nregex: op(s, 'does the column NOT match the given POSIX regular expression, case sensitive'),
        _nsimilar: op(s, 'does the column NOT match the given SQL regular expression'),
        _regex: op(s, 'does the column match the given POSIX regular expression, case sensitive'),
        _similar: op(s, 'does the column match the given SQL regular expression'),
      });
    } else if (pgBase === 'geometry' || pgBase === 'geography') {
      Object.assign(fields, this.postgisOps(pgBase, s, op));
    } else if (pgBase === 'jsonb') {
      const cast = new GraphQLInputObjectType({
        name: 'jsonb_cast_exp',
        fields: () => ({ String: op(this.comparison('String', 'text', false)) }),
      });
      const strList = new GraphQLList(new GraphQLNonNull(GraphQLString));
      Object.assign(fields, {
        _cast: op(cast),
        _contained_in: op(s, 'is the column contained in the given json value'),
        _contains: op(s, 'does the column contain the given json value at the top level'),
        _has_key: op(GraphQLString, 'does the string exist as a top-level key in the column'),
        _has_keys_all: op(strList, 'do all of these strings exist as top-level keys in the column'),
        _has_keys_any: op(strList, 'do any of these strings exist as top-level keys in the column'),
      });
    }
    for (const [k, v] of Object.entries(fields))
      v.extensions = {
        hasura: { kind: 'comparison_op', op: k },
        ...(VALUE_OPS.has(k) ? { [COLUMN_VALUE]: true } : {}),
      };
    const sorted: GraphQLInputFieldConfigMap = {};
    for (const k of Object.keys(fields).sort()) sorted[k] = fields[k] as GraphQLInputFieldConfigMap[string];
    const t = new GraphQLInputObjectType({
      name,
      description: `Boolean expression to compare columns of type "${scalarName}". All fields are combined with logical 'AND'.`,
      fields: sorted,
    });
    this.comparisons.set(name, t);
    return t;
  }

  /**
   * PostGIS operators (src: Hasura/Backends/Postgres/Instances/Schema.hs `comparisonExps`, the `PGGeometry` and
   * `PGGeography` branches; input types `st_d_within_input` / `st_d_within_geography_input`).
   */
  private postgisOps(
    pgBase: 'geometry' | 'geography',
    s: ScalarT,
    op: (type: GraphQLInputType, desc?: string) => GraphQLInputFieldConfigMap[string],
  ): GraphQLInputFieldConfigMap {
    const other = pgBase === 'geometry' ? 'geography' : 'geometry';
    const cast = new GraphQLInputObjectType({
      name: `${pgBase}_cast_exp`,
      fields: () => ({ [other]: op(this.comparison(other, other, false)) }),
    });
    const dWithin = this.dWithinInput(pgBase, s);
    if (pgBase === 'geography') {
      return {
        _cast: op(cast),
        _st_d_within: op(dWithin, 'is the column within a given distance from the given geography value'),
        _st_intersects: op(s, 'does the column spatially intersect the given geography value'),
      };
    }
    return {
      _cast: op(cast),
      _st_3d_d_within: op(dWithin, 'is the column within a given 3D distance from the given geometry value'),
      _st_3d_intersects: op(s, 'does the column spatially intersect the given geometry value in 3D'),
      _st_contains: op(s, 'does the column contain the given geometry value'),
      _st_crosses: op(s, 'does the column cross the given geometry value'),
      _st_d_within: op(dWithin, 'is the column within a given distance from the given geometry value'),
      _st_equals: op(s, 'is the column equal to given geometry value (directionality is ignored)'),
      _st_intersects: op(s, 'does the column spatially intersect the given geometry value'),
      _st_overlaps: op(
        s,
        "does the column 'spatially overlap' (intersect but not completely contain) the given geometry value",
      ),
      _st_touches: op(s, 'does the column have atleast one point in common with the given geometry value'),
      _st_within: op(s, 'is the column contained in the given geometry value'),
    };
  }

  private readonly dWithin = new Map<string, GraphQLInputObjectType>();

  private dWithinInput(pgBase: 'geometry' | 'geography', s: ScalarT): GraphQLInputObjectType {
    const name = pgBase === 'geometry' ? 'st_d_within_input' : 'st_d_within_geography_input';
    let t = this.dWithin.get(name);
    if (!t) {
      t = new GraphQLInputObjectType({
        name,
        fields: {
          distance: { type: new GraphQLNonNull(GraphQLFloat) },
          from: { type: new GraphQLNonNull(s) },
          ...(pgBase === 'geography' ? { use_spheroid: { type: GraphQLBoolean, defaultValue: true } } : {}),
        },
      });
      this.dWithin.set(name, t);
    }
    return t;
  }
}
