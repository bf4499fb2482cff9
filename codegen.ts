/**
 * graphql-codegen (offline): every schema is a committed SDL file in `hasura/schema/` printed by the engine
 * (`npm run schema`), never a live server. Two targets:
 *
 *  - the API's typed documents: `api/src/**\/*.graphql` against the admin schema (the API's server-side reads run
 *    as admin, like CourseTable's catalog generation) → `api/src/generated/graphql.ts`, one `TypedDocumentNode` per
 *    operation, which graphql-request's `request()` types by itself;
 *  - the frontend package `client/`: one client-preset generation per role. The documents in
 *    `client/src/documents/<role>/` are validated against `hasura/schema/<role>.graphql`, so a document that selects
 *    a field its role cannot see fails codegen.
 *
 * `npm run codegen` writes the files; `npm run codegen:check` fails when the committed output is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** The frontend roles, each with its own document folder and generated output. */
export const CLIENT_ROLES = ['anonymous', 'student', 'student_evals'] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

export const SCHEMA_DIR = 'hasura/schema';

/**
 * TypeScript types of the Postgres scalars Hasura exposes (as Hasura serialises them to JSON). `strictScalars` makes
 * a scalar missing from this list fail codegen instead of silently becoming `any`.
 */
export const SCALARS = {
  bigint: 'number',
  bpchar: 'string',
  citext: 'string',
  date: 'string',
  float8: 'number',
  json: 'unknown',
  jsonb: 'unknown',
  numeric: 'number',
  smallint: 'number',
  time: 'string',
  timestamp: 'string',
  timestamptz: 'string',
  timetz: 'string',
  uuid: 'string',
} as const;

const common = {
  strictScalars: true,
  scalars: SCALARS,
  useTypeImports: true,
  enumsAsTypes: true,
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  emitLegacyCommonJSImports: false,
} as const;

/** The client-preset output for one role (exported for the tests, which run it programmatically). */
export function clientTarget(role: string, documents: string | string[] = `client/src/documents/${role}/**/*.graphql`) {
  return {
    schema: `${SCHEMA_DIR}/${role}.graphql`,
    documents,
    preset: 'client' as const,
    presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
    config: { ...common, onlyOperationTypes: true, documentMode: 'documentNode' },
  };
}

const config: CodegenConfig = {
  overwrite: true,
  // The API may have no documents yet; its file then has the types only.
  ignoreNoDocuments: true,
  generates: {
    'api/src/generated/graphql.ts': {
      schema: `${SCHEMA_DIR}/admin.graphql`,
      documents: ['api/src/**/*.graphql'],
      plugins: ['typescript', 'typescript-operations', 'typed-document-node'],
      config: { ...common, onlyOperationTypes: true },
    },
    ...Object.fromEntries(CLIENT_ROLES.map((role) => [`client/src/generated/${role}/`, clientTarget(role)])),
  },
};

export default config;
