/**
 * Types of Hasura's `export_metadata` JSON, version 3 (src: server/src-lib/Hasura/RQL/Types/Metadata.hs,
 * Hasura/Table/Metadata.hs, Hasura/RQL/Types/Permission.hs; docs: migrations-metadata-seeds/metadata-format.mdx).
 * Only what the engine reads is typed precisely; unknown keys are kept (index signatures) so export round-trips.
 */

export interface QualifiedName {
  name: string;
  schema?: string;
}

/** A bool-exp as written in permissions (`filter`, `check`): an arbitrary JSON object. */
export type BoolExpJson = Record<string, unknown>;

export type FromEnv = { from_env: string };

export interface SourceConnectionInfo {
  database_url?: string | FromEnv | { connection_parameters: Record<string, unknown> };
  isolation_level?: string;
  pool_settings?: Record<string, unknown>;
  use_prepared_statements?: boolean;
  [k: string]: unknown;
}

export interface SourceMetadata {
  name: string;
  kind: string;
  tables: TableMetadata[];
  functions?: FunctionMetadata[];
  configuration: { connection_info?: SourceConnectionInfo; [k: string]: unknown };
  customization?: Record<string, unknown>;
  [k: string]: unknown;
}

export type RootFieldName = string | { name?: string | null; comment?: string | null } | null;

export interface TableConfiguration {
  custom_name?: string | null;
  custom_root_fields?: Partial<
    Record<
      | 'select'
      | 'select_by_pk'
      | 'select_aggregate'
      | 'select_stream'
      | 'insert'
      | 'insert_one'
      | 'update'
      | 'update_by_pk'
      | 'update_many'
      | 'delete'
      | 'delete_by_pk',
      RootFieldName
    >
  >;
  column_config?: Record<string, { custom_name?: string | null; comment?: string | null }>;
  custom_column_names?: Record<string, string>;
  comment?: string | null;
  [k: string]: unknown;
}

export type ForeignKeyConstraintOn =
  string | string[] | { column?: string; columns?: string[]; table: QualifiedName | string };

export interface ManualConfiguration {
  remote_table: QualifiedName | string;
  column_mapping: Record<string, string>;
  insertion_order?: 'before_parent' | 'after_parent' | null;
}

export interface RelationshipMetadata {
  name: string;
  using: { foreign_key_constraint_on?: ForeignKeyConstraintOn; manual_configuration?: ManualConfiguration };
  comment?: string | null;
}

export interface ComputedFieldMetadata {
  name: string;
  definition: { function: QualifiedName | string; table_argument?: string | null; session_argument?: string | null };
  comment?: string | null;
}

export interface SelectPermission {
  columns: string[] | '*';
  filter?: BoolExpJson;
  limit?: number | null;
  allow_aggregations?: boolean;
  computed_fields?: string[];
  query_root_fields?: string[] | null;
  subscription_root_fields?: string[] | null;
}

export interface InsertPermission {
  check?: BoolExpJson;
  set?: Record<string, unknown>;
  columns?: string[] | '*';
  backend_only?: boolean;
  validate_input?: unknown;
}

export interface UpdatePermission {
  columns: string[] | '*';
  filter?: BoolExpJson;
  check?: BoolExpJson | null;
  set?: Record<string, unknown>;
  backend_only?: boolean;
  validate_input?: unknown;
}

export interface DeletePermission {
  filter?: BoolExpJson;
  backend_only?: boolean;
  validate_input?: unknown;
}

export interface PermissionEntry<P> {
  role: string;
  permission: P;
  comment?: string | null;
}

export interface TableMetadata {
  table: QualifiedName;
  is_enum?: boolean;
  configuration?: TableConfiguration;
  object_relationships?: RelationshipMetadata[];
  array_relationships?: RelationshipMetadata[];
  computed_fields?: ComputedFieldMetadata[];
  remote_relationships?: unknown[];
  select_permissions?: PermissionEntry<SelectPermission>[];
  insert_permissions?: PermissionEntry<InsertPermission>[];
  update_permissions?: PermissionEntry<UpdatePermission>[];
  delete_permissions?: PermissionEntry<DeletePermission>[];
  event_triggers?: unknown[];
  [k: string]: unknown;
}

export interface FunctionMetadata {
  function: QualifiedName;
  configuration?: Record<string, unknown>;
  permissions?: { role: string }[];
  [k: string]: unknown;
}

export interface ActionMetadata {
  name: string;
  definition: {
    kind?: 'synchronous' | 'asynchronous';
    type?: 'query' | 'mutation';
    handler: string;
    arguments?: { name: string; type: string; description?: string | null }[];
    output_type?: string;
    forward_client_headers?: boolean;
    headers?: ({ name: string; value: string } | { name: string; value_from_env: string })[];
    timeout?: number;
    request_transform?: unknown;
    response_transform?: unknown;
    [k: string]: unknown;
  };
  permissions?: { role: string }[];
  comment?: string | null;
}

export interface CustomTypes {
  enums?: unknown[];
  input_objects?: unknown[];
  objects?: unknown[];
  scalars?: unknown[];
}

export interface InheritedRole {
  role_name: string;
  role_set: string[];
}

export interface QueryCollection {
  name: string;
  definition: { queries: { name: string; query: string }[] };
  comment?: string | null;
}

export interface AllowlistEntry {
  collection: string;
  scope?: { global: boolean; roles?: string[] };
}

/** The JSON of Hasura's `export_metadata` (version 3). */
export interface HasuraMetadata {
  version: 3;
  sources: SourceMetadata[];
  actions?: ActionMetadata[];
  custom_types?: CustomTypes;
  inherited_roles?: InheritedRole[];
  query_collections?: QueryCollection[];
  allowlist?: AllowlistEntry[];
  cron_triggers?: unknown[];
  remote_schemas?: unknown[];
  rest_endpoints?: unknown[];
  /** Hasura's ApiLimit object (plan/api-limits.ts reads it). */
  api_limits?: Record<string, unknown>;
  [k: string]: unknown;
}

/** One entry of `get_inconsistent_metadata`'s `inconsistent_objects` (src: Hasura/RQL/Types/SchemaCache.hs). */
export interface InconsistentObject {
  type: string;
  name: string;
  reason: string;
  definition: unknown;
}

/** Normalise `{name, schema}` or a bare string to a qualified name with schema defaulting to `public`. */
export function qualify(q: QualifiedName | string): { name: string; schema: string } {
  return typeof q === 'string' ? { name: q, schema: 'public' } : { name: q.name, schema: q.schema ?? 'public' };
}
