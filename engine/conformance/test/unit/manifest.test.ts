import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseHeaders, sessionFromBearer } from '../../auth.js';
import type { AuthContext } from '../../auth.js';
import { globToRegExp } from '../../glob.js';
import { isOtherBackend, loadPlan, parseMarks } from '../../manifest.js';
import { filterPlan } from '../../plan-filter.js';

const suite = resolve(import.meta.dirname, '../../../../../shared/conformance/hasura');

describe('manifest discovery', () => {
  it('parses class marks into server settings', () => {
    expect(
      parseMarks([
        'pytest.mark.admin_secret',
        "pytest.mark.hge_env('HASURA_GRAPHQL_UNAUTHORIZED_ROLE', 'anonymous')",
        "pytest.mark.jwt('rsa')",
      ]),
    ).toEqual({ adminSecret: true, jwt: 'rsa', env: { HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' } });
  });

  it('recognises other backends by file name', () => {
    expect(isOtherBackend('select_query_test_types_mssql.yaml')).toBe(true);
    expect(isOtherBackend('setup_citus.yaml')).toBe(true);
    expect(isOtherBackend('select_query_test_types_postgres.yaml')).toBe(false);
  });

  it('globs', () => {
    expect(globToRegExp('graphql_query/boolexp/*').test('graphql_query/boolexp/basic')).toBe(true);
    expect(globToRegExp('graphql_query/*').test('graphql_query/boolexp/basic')).toBe(false);
    expect(globToRegExp('graphql_query/**').test('graphql_query/boolexp/basic')).toBe(true);
    expect(globToRegExp('{a,b}/c').test('b/c')).toBe(true);
  });

  it('plans the local suite copy from MANIFEST.yaml', () => {
    const plan = loadPlan(suite);
    const basic = plan.find((d) => d.name === 'graphql_query/basic');
    expect(basic?.caseFiles.some(isOtherBackend)).toBe(false);
    expect(basic?.caseFiles).toContain('select_query_test_types_postgres.yaml');
    // unreferenced files are run under the directory's per-class setup
    const all = basic?.classes.flatMap((c) => c.tests) ?? [];
    expect(all.find((t) => t.file === 'select_placeholder_err.yaml')?.referenced).toBe(false);
    const actions = plan.find((d) => d.name === 'actions/sync');
    const cls = actions?.classes.find((c) => c.python.endsWith('TestQueryActions'));
    expect(cls?.style).toBe('mutation');
    expect(cls?.tests.find((t) => t.file === 'get_user_by_email_success.yaml')?.skip).toMatch(/custom Python/);
    const inh = plan.find((d) => d.name === 'graphql_query/permissions/inherited_roles');
    expect(inh?.classes[0]?.style).toBe('per-class-v2');
    expect(inh?.classes[0]?.classSetup.map((f) => [f.file.split('/').pop(), f.endpoint])).toEqual([
      ['schema_setup.yaml', '/v2/query'],
      ['setup.yaml', '/v1/metadata'],
    ]);
    const unauth = plan.find((d) => d.name === 'unauthorized_role');
    expect(unauth?.classes[0]?.settings.env).toEqual({ HASURA_GRAPHQL_UNAUTHORIZED_ROLE: 'anonymous' });
    expect(unauth?.classes[0]?.tests[0]?.addAuth).toBe(false);
    expect(filterPlan(plan, ['graphql_query/boolexp/*']).map((d) => d.name)).toEqual([
      'graphql_query/boolexp/basic',
      'graphql_query/boolexp/jsonb',
      'graphql_query/boolexp/search',
    ]);
  });
});

describe('harness auth wrappers', () => {
  const none: AuthContext = { adminSecret: null, webhook: false, jwt: null, env: {} };
  it('adds the admin role when a case has no headers', async () => {
    expect(await caseHeaders(undefined, none, true)).toEqual({ 'X-Hasura-Role': 'admin' });
  });
  it('adds the admin secret to every request in admin-secret mode', async () => {
    const h = await caseHeaders(
      { 'X-Hasura-Role': 'user', 'X-Hasura-User-Id': 1 },
      { ...none, adminSecret: 's' },
      true,
    );
    expect(h).toEqual({ 'X-Hasura-Role': 'user', 'X-Hasura-User-Id': '1', 'X-Hasura-Admin-Secret': 's' });
    expect(await caseHeaders({ 'X-Hasura-Role': 'user' }, { ...none, adminSecret: 's' }, false)).toEqual({
      'X-Hasura-Role': 'user',
    });
  });
  it('wraps the headers into a bearer token in webhook mode', async () => {
    const h = await caseHeaders({ 'X-Hasura-Role': 'user' }, { ...none, adminSecret: 's', webhook: true }, true);
    expect(Object.keys(h)).toEqual(['Authorization']);
    expect(sessionFromBearer(h['Authorization'])).toEqual({ 'X-Hasura-Role': 'user', 'X-Hasura-Auth-Mode': 'webhook' });
  });
  it('mints a JWT with the role as allowed and default role', async () => {
    let claims: Record<string, unknown> = {};
    const jwt = { sign: (c: Record<string, unknown>) => ((claims = c), Promise.resolve('tok')) };
    const h = await caseHeaders(
      { 'X-Hasura-Role': 'user', 'X-Hasura-User-Id': '1' },
      { ...none, adminSecret: 's', jwt },
      true,
    );
    expect(h['Authorization']).toBe('Bearer tok');
    expect(h['X-Hasura-Admin-Secret']).toBeUndefined();
    expect(claims['https://hasura.io/jwt/claims']).toEqual({
      'X-Hasura-Allowed-Roles': ['user'],
      'X-Hasura-Default-Role': 'user',
      'X-Hasura-User-Id': '1',
    });
  });
});
