/** The database catalog as the engine needs it, read by one query (run by executor/read-catalog.ts). */

export interface PgTypeRef {
  /** Type name, e.g. `int4`, `text`, `_int4` for arrays. */
  readonly name: string;
  readonly schema: string;
  /** b = base, e = enum, c = composite, d = domain, r = range, p = pseudo */
  readonly kind: string;
  /** For arrays, the element type name (e.g. `int4`); undefined otherwise. */
  readonly elem: string | null;
  /** For domains, the base type name. */
  readonly base: string | null;
}

export interface CatalogColumn {
  readonly name: string;
  readonly type: PgTypeRef;
  readonly notNull: boolean;
  readonly hasDefault: boolean;
  readonly isGenerated: boolean;
  readonly comment: string | null;
  readonly position: number;
}

export interface CatalogForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly refSchema: string;
  readonly refTable: string;
  readonly refColumns: readonly string[];
}

export interface CatalogTable {
  readonly schema: string;
  readonly name: string;
  /** r table, v view, m matview, f foreign, p partitioned */
  readonly kind: string;
  readonly comment: string | null;
  readonly columns: readonly CatalogColumn[];
  readonly primaryKey: { readonly name: string; readonly columns: readonly string[] } | null;
  readonly uniques: readonly { readonly name: string; readonly columns: readonly string[] }[];
  readonly foreignKeys: readonly CatalogForeignKey[];
}

export interface CatalogFunction {
  readonly schema: string;
  readonly name: string;
  readonly argNames: readonly string[];
  readonly argTypes: readonly PgTypeRef[];
  readonly argDefaults: number;
  readonly returnType: PgTypeRef;
  readonly returnsSet: boolean;
  /** i immutable, s stable, v volatile */
  readonly volatility: string;
  readonly comment: string | null;
}

export interface Catalog {
  readonly tables: readonly CatalogTable[];
  readonly functions: readonly CatalogFunction[];
  /** Enum types: `schema.name` → labels. */
  readonly enums: Readonly<Record<string, readonly string[]>>;
}
