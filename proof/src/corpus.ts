/**
 * The bad-input corpus: malformed and hostile requests for the public surface (GraphQL over HTTP, API REST routes,
 * headers and cookies, action inputs). Deterministic: built from fixed lists and a seeded PRNG.
 */
import { Prng } from './prng.js';

export type Who = 'anon' | 'student';
export interface Case {
  name: string;
  path: string;
  method: string;
  headers: Record<string, string | string[]>;
  body?: string | Buffer | undefined;
  who: Who;
  /** 'graphql': 200 must carry a Hasura-shaped body; 'rest': any clean non-5xx */
  surface: 'graphql' | 'rest';
}

export const INJECTIONS: readonly string[] = [
  "'; drop table users; --",
  "' or '1'='1",
  '" or ""="',
  '1; select pg_sleep(10)',
  "'); select pg_sleep(10); --",
  '1 union select password_hash from password_credentials',
  '$$; delete from worksheets; $$',
  '\\x27 or 1=1',
  "admin'--",
  '%',
  '_',
  '%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%',
  '\\',
  '\\\\\\',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '#{7*7}',
  '../../../../etc/passwd',
  '%00',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e\u0644\u0627',
  '𝕳𝖆𝖘𝖚𝖗𝖆',
  '👩‍👩‍👧‍👦'.repeat(20),
  'Z̷̧̛̛̮̗͎̪̖̞̥͔͓͎̬̟͔̞͙͐̈́̐̋͂̆́́͊̃͘͝͠a̷͚̞̘̼̹̣̯̣̤̋̅̀̀̓̅̆̀̀̅l̸̛̲͍̲̟̣̘̳͑̍̂̿̎̈́̎́̂͆́͘g̸̨̧̩̻͉̬̞͓͈̰̥̪̗̍̌̊̾̎͂̈́̄̈́̚ǒ̸̡͍̗̗͍̱̜̤̦͍̍̋̃̊̇̈́̀̚͝',
  'x'.repeat(70_000),
  '\n\r\t\b\f',
  'NaN',
  '-0',
  '1e309',
  '9223372036854775808',
  '{"__proto__": {"admin": true}}',
  '__proto__',
  'constructor',
  'x-hasura-role',
  'X-Hasura-User-Id',
  '*/ select 1; /*',
  "E'\\\\x00'",
  '::text',
  "; COPY users TO PROGRAM 'id'; --",
  '\u2028\u2029',
  '\uFFFF\uFFFE',
];

const json = (x: unknown) => JSON.stringify(x);
const GQL = '/v1/graphql';
const CT = { 'content-type': 'application/json' };

function gql(name: string, body: string | Buffer, who: Who, headers: Record<string, string | string[]> = CT): Case {
  return { name, path: GQL, method: 'POST', headers, body, who, surface: 'graphql' };
}

export function buildCorpus(seed: number): Case[] {
  const r = new Prng(seed);
  const out: Case[] = [];
  const both = (name: string, body: string | Buffer, headers: Record<string, string | string[]> = CT) => {
    out.push(gql(`${name} [anon]`, body, 'anon', headers), gql(`${name} [student]`, body, 'student', headers));
  };

  // 1. malformed JSON bodies
  const malformed = [
    '',
    ' ',
    '{',
    '}',
    '[',
    ']',
    '{"query":',
    '{"query": "{ __typename }"',
    '{"query": "{ __typename }"}}',
    'null',
    'true',
    '0',
    '-1',
    '"{ __typename }"',
    '[]',
    '[null]',
    '[1, 2]',
    '[[]]',
    '{}',
    '{"query": null}',
    '{"query": ""}',
    '{"query": " "}',
    "{'query': '{ __typename }'}",
    '{"query": "{ __typename }",}',
    '{"query": NaN}',
    '{"query": Infinity}',
    '{"query": undefined}',
    '\ufeff{"query": "{ __typename }"}',
    '{"query": "{ __typename }"} trailing',
    '{"query": "\\ud800"}',
    '{"query": "\\u0000"}',
    '{"query": "{ courses(limit: 1) { title } }" "x": 1}',
    '{"query": "a\\x"}',
    '{"__proto__": {"query": "{ __typename }"}}',
    '{"constructor": {"prototype": {"x": 1}}, "query": "{ __typename }"}',
    '{"query": "{ __typename }", "query": "{ users { user_id } }"}',
    `{"a":${'['.repeat(100_000)}`,
    `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    `{"query": "{ __typename }", "variables": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`,
  ];
  malformed.forEach((b, i) => both(`malformed json #${i}`, b));
  both(
    'invalid utf-8 bytes',
    Buffer.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
  );
  both(
    'overlong utf-8',
    Buffer.concat([
      Buffer.from('{"query":"{ courses(where: {title: {_eq: \\"'),
      Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
      Buffer.from('\\"}}) { course_id } }"}'),
    ]),
  );
  both('utf-16 body', Buffer.from(json({ query: '{ __typename }' }), 'utf16le'));
  both('gzip lie', json({ query: '{ __typename }' }), { ...CT, 'content-encoding': 'gzip' });
  both('text/plain', json({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
  both('form body', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
  both('multipart', '--b\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--b--', {
    'content-type': 'multipart/form-data; boundary=b',
  });
  both('no content-type', json({ query: '{ __typename }' }), {});
  both('charset lie', json({ query: '{ __typename }' }), { 'content-type': 'application/json; charset=ebcdic' });

  // 2. wrong types in the envelope
  const wrongTypes: unknown[] = [
    { query: 1 },
    { query: ['{ __typename }'] },
    { query: { a: 1 } },
    { query: true },
    { query: '{ __typename }', variables: 'x' },
    { query: '{ __typename }', variables: [1] },
    { query: '{ __typename }', variables: 1 },
    { query: '{ __typename }', operationName: 1 },
    { query: '{ __typename }', operationName: { a: 1 } },
    { query: '{ __typename }', operationName: 'Nope' },
    { query: '{ __typename }', extensions: 'x' },
    { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } },
    { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } },
    { variables: {} },
    { operationName: 'x' },
    { query: '{ __typename }', variables: null, operationName: null, extensions: null },
  ];
  wrongTypes.forEach((b, i) => both(`wrong envelope types #${i}`, json(b)));

  // 3. unknown fields, bad documents
  const docs = [
    '{ nope }',
    '{ courses { nope } }',
    '{ courses(nope: 1) { course_id } }',
    '{ courses(where: {nope: {_eq: 1}}) { course_id } }',
    '{ courses(where: {title: {_nope: 1}}) { course_id } }',
    '{ courses(order_by: {title: sideways}) { course_id } }',
    '{ courses(distinct_on: [nope]) { course_id } }',
    '{ courses(limit: -1) { course_id } }',
    '{ courses(limit: 1.5) { course_id } }',
    '{ courses(offset: -5) { course_id } }',
    '{ courses(limit: 99999999999) { course_id } }',
    '{ courses { ...F } }',
    'fragment F on courses { ...G } fragment G on courses { ...F } { courses { ...F } }',
    'query A { __typename } query A { __typename }',
    'query A { __typename } query B { __typename }',
    'subscription { courses { course_id } }',
    'mutation { nope }',
    'mutation { insert_users(objects: {}) { affected_rows } }',
    '{ __schema { types { name fields { name } } } }',
    '{ __type(name: "users") { fields { name } } }',
    '{ courses @skip { course_id } }',
    '{ courses @nope(if: true) { course_id } }',
    '{ courses(where: {_and: 5}) { course_id } }',
    '{ courses(where: {_or: [5]}) { course_id } }',
    '{ courses(where: {title: {_regex: "(a+)+$"}}) { course_id } }',
    '{ courses(where: {title: {_similar: "%(a|b)*%"}}) { course_id } }',
    '{ courses(where: {title: {_in: "x"}}) { course_id } }',
    '{ courses(where: {course_id: {_eq: "1; drop table users"}}) { course_id } }',
    '{ courses(where: {credits: {_eq: "NaN"}}) { course_id } }',
    '{ courses(where: {time_added: {_gt: "not a date"}}) { course_id } }',
    '{ courses(where: {time_added: {_gt: "99999-99-99"}}) { course_id } }',
    '{ courses(where: {extra_info: {_eq: 1}}) { course_id } }',
    '{ courses(where: {skills: {_contains: "x"}}) { course_id } }',
    '{ a: __typename a: courses { course_id } }',
    '{ courses { course_id(x: 1) } }',
    '{ courses_by_pk { course_id } }',
    '{ courses_by_pk(course_id: "x") { course_id } }',
    '{ courses_by_pk(course_id: 99999999999999) { course_id } }',
    '{ 1 }',
    '{ "x" }',
    'query ($v: Nope) { __typename }',
    'query ($v: Int = "x") { __typename }',
    'query ($v: Int!) { __typename }',
    'query { courses(limit: $undefined) { course_id } }',
    '#',
    '{ # }',
    '{ courses { course_id } ',
    'query { ...on query_root { __typename } }',
    '{ users { user_id } }',
    '{ password_credentials { password_hash } }',
    '{ password_reset_tokens { token_hash } }',
    '{ user_identities { subject } }',
    '{ evaluation_narratives { comment } }',
    '{ courses { average_rating } }',
    '{ worksheets_aggregate { aggregate { count } } }',
  ];
  docs.forEach((q, i) => both(`bad document #${i}`, json({ query: q })));

  // 4. wrong variable types
  const intQ = 'query ($n: Int!) { courses(limit: $n, order_by: {course_id: asc}) { course_id } }';
  const strQ = 'query ($s: String!) { courses(where: {title: {_eq: $s}}) { course_id } }';
  const whereQ = 'query ($w: courses_bool_exp) { courses(where: $w, limit: 2) { course_id } }';
  const badInts: unknown[] = ['x', 1.5, 2 ** 40, -(2 ** 40), null, [], {}, true, '1', '', 1e308, -0, [1]];
  badInts.forEach((v, i) => both(`Int variable #${i}`, json({ query: intQ, variables: { n: v } })));
  const badStrs: unknown[] = [1, true, null, [], {}, ['a'], { _eq: 'x' }];
  badStrs.forEach((v, i) => both(`String variable #${i}`, json({ query: strQ, variables: { s: v } })));
  const badWheres: unknown[] = [
    'x',
    1,
    [],
    { nope: 1 },
    { title: 'x' },
    { title: { _eq: 1 } },
    { _and: {} },
    { _not: [] },
    { course_id: { _in: 'x' } },
    { __proto__: { title: { _eq: 'x' } } },
    { constructor: { prototype: {} } },
    { course_id: { _eq: { $ne: null } } },
    { title: { _like: null } },
  ];
  badWheres.forEach((v, i) => both(`where variable #${i}`, json({ query: whereQ, variables: { w: v } })));
  both('extra variables', json({ query: intQ, variables: { n: 1, extra: 'x'.repeat(100_000) } }));
  both('missing variables', json({ query: intQ }));

  // 5. deep nesting
  const deepSel = (n: number) => `{ courses { ${'listings { course { '.repeat(n)}course_id${' } }'.repeat(n)} } }`;
  both('deep selection 10000', json({ query: deepSel(5000) }));
  both('deep selection 300', json({ query: deepSel(150) }));
  both('deep braces 10000', json({ query: `${'{ '.repeat(10_000)}${'} '.repeat(10_000)}` }));
  both(
    'deep _not 10000',
    json({ query: `{ courses(where: ${'{_not: '.repeat(10_000)}{}${'}'.repeat(10_000)}) { course_id } }` }),
  );
  both(
    'deep _and 10000',
    json({ query: `{ courses(where: ${'{_and: ['.repeat(10_000)}{}${']}'.repeat(10_000)}) { course_id } }` }),
  );
  both(
    'deep list literal 10000',
    json({
      query: `{ courses(where: {course_id: {_in: ${'['.repeat(10_000)}1${']'.repeat(10_000)}}}) { course_id } }`,
    }),
  );
  for (const d of [100, 1000, 3000, 10_000])
    both(
      `deep where variable ${d}`,
      `{"query": ${json(whereQ)}, "variables": {"w": ${'{"_not":'.repeat(d)}{}${'}'.repeat(d)}}}`,
    );
  both(
    'deep _and variable 10000',
    `{"query": ${json(whereQ)}, "variables": {"w": ${'{"_and":['.repeat(10_000)}{}${']}'.repeat(10_000)}}}`,
  );
  both(
    'deep fragments',
    json({
      query: `${Array.from({ length: 500 }, (_, i) => `fragment F${i} on courses { ...F${i + 1} }`).join(' ')} fragment F500 on courses { course_id } { courses(limit: 1) { ...F0 } }`,
    }),
  );
  both(
    'wide aliases 5000',
    json({ query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
  );
  both(
    'wide root fields 300',
    json({ query: `{ ${Array.from({ length: 300 }, (_, i) => `c${i}: courses(limit: 1) { course_id }`).join(' ')} }` }),
  );

  // 6. big strings, huge arrays
  const mb = 'x'.repeat(1024 * 1024);
  both(
    '1 MB string literal (over the 1 MiB limit)',
    json({ query: `{ courses(where: {title: {_eq: "${mb}"}}) { course_id } }` }),
  );
  both('900 KB string variable', json({ query: strQ, variables: { s: 'y'.repeat(900 * 1024) } }));
  both('2 MB body', json({ query: '{ __typename }', pad: 'z'.repeat(2 * 1024 * 1024) }));
  both('1 MB of spaces', `{"query": "{ __typename ${' '.repeat(1024 * 1000)}}"}`);
  both(
    '100k _in values',
    json({
      query: 'query ($ids: [Int!]) { courses(where: {course_id: {_in: $ids}}) { course_id } }',
      variables: { ids: Array.from({ length: 100_000 }, (_, i) => i) },
    }),
  );
  both(
    '100k _in literal',
    json({
      query: `{ courses(where: {course_id: {_in: [${Array.from({ length: 100_000 }, (_, i) => i).join(',')}]}}) { course_id } }`,
    }),
  );
  both('huge like pattern', json({ query: strQ.replace('_eq', '_like'), variables: { s: '%a%'.repeat(50_000) } }));
  both('huge name', json({ query: `{ ${'a'.repeat(500_000)} }` }));
  both('huge operation name', json({ query: `query ${'O'.repeat(500_000)} { __typename }` }));

  // 7. injection strings in values and names
  for (const [i, s] of INJECTIONS.entries()) {
    const short = s.slice(0, 2000);
    both(`inj value var #${i}`, json({ query: strQ, variables: { s } }));
    both(`inj like var #${i}`, json({ query: strQ.replace('_eq', '_ilike'), variables: { s } }));
    both(
      `inj literal #${i}`,
      json({ query: `{ courses(where: {title: {_eq: ${JSON.stringify(short)}}}) { course_id } }` }),
    );
    both(`inj alias #${i}`, json({ query: `{ ${short}: courses(limit: 1) { course_id } }` }));
    both(`inj operationName #${i}`, json({ query: 'query Q { __typename }', operationName: short }));
    both(`inj variable name #${i}`, json({ query: strQ, variables: { [short]: 'x', s: 'x' } }));
    both(`inj field name #${i}`, json({ query: `{ courses(limit: 1) { ${short} } }` }));
    both(`inj order_by enum #${i}`, json({ query: `{ courses(order_by: {title: ${short}}) { course_id } }` }));
    both(
      `inj json path #${i}`,
      json({ query: 'query ($p: String) { courses(limit: 1) { extra_info requirements } }', variables: { p: s } }),
    );
  }

  // 8. batches
  both('empty batch', '[]');
  both('batch of 200', json(Array.from({ length: 200 }, () => ({ query: '{ courses(limit: 1) { course_id } }' }))));
  both('batch of junk', json([1, 'x', null, {}, { query: 1 }, { query: '{ nope }' }, [{ query: '{ __typename }' }]]));
  both(
    'batch with forbidden',
    json([{ query: '{ __typename }' }, { query: '{ password_credentials { password_hash } }' }]),
  );
  both('nested batch', json([[{ query: '{ __typename }' }]]));

  // 9. random mutations of a valid body (byte flips, truncation)
  const valid = json({
    query: '{ courses(limit: 2, where: {title: {_ilike: "%a%"}}) { course_id title listings { crn } } }',
  });
  for (let i = 0; i < 60; i++) {
    const b = Buffer.from(valid);
    const kind = r.int(0, 2);
    if (kind === 0) for (let k = r.int(1, 4); k > 0; k--) b[r.int(0, b.length - 1)] = r.int(0, 255);
    const body =
      kind === 1
        ? b.subarray(0, r.int(0, b.length - 1))
        : kind === 2
          ? Buffer.concat([b.subarray(0, r.int(0, b.length)), Buffer.from(r.pick(INJECTIONS).slice(0, 200))])
          : b;
    both(`mutated body #${i}`, body);
  }

  // 10. methods and paths on the engine route
  for (const m of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])
    out.push({
      name: `${m} /v1/graphql`,
      path: GQL,
      method: m,
      headers: CT,
      body: m === 'GET' ? undefined : json({ query: '{ __typename }' }),
      who: 'anon',
      surface: 'graphql',
    });
  for (const q of [
    '?query=%7B__typename%7D',
    '?query=%7Bnope%7D',
    '?query=' + encodeURIComponent('{ users { user_id } }'),
    '?query=%ZZ',
    '?variables=%7B',
  ]) {
    out.push({ name: `GET ${q}`, path: `${GQL}${q}`, method: 'GET', headers: {}, who: 'anon', surface: 'graphql' });
  }
  for (const p of [
    '/v1/metadata',
    '/v1/query',
    '/v2/query',
    '/console',
    '/v1/graphql/explain',
    '/v1/config',
    '/v1alpha1/graphql',
    '/pgdump',
    '/dev/plan_cache',
    '/v1/graphql/../metadata',
    '/V1/METADATA',
    '/v1//metadata',
    '/%2e%2e/v1/metadata',
    '/v1/graphql%00',
    '/healthz',
    '/v1/version',
    '/nope',
    '/api/../v1/metadata',
  ]) {
    out.push({
      name: `path ${p}`,
      path: p,
      method: 'POST',
      headers: { ...CT, 'x-hasura-admin-secret': 'guess' },
      body: json({ type: 'export_metadata', args: {} }),
      who: 'anon',
      surface: 'rest',
    });
  }
  return out;
}

/** Header abuse against /v1/graphql: forged session variables are judged separately (privilege comparison). */
export function headerCases(): Case[] {
  const body = json({ query: '{ courses(limit: 1, order_by: {course_id: asc}) { course_id } }' });
  const out: Case[] = [];
  const garbageCookies = [
    'x',
    '=',
    ';;;;',
    'a=b; a=c',
    'coursetable.session=',
    'coursetable.session=s%3A',
    'coursetable.session=s%3Aforged.sig',
    'coursetable.session=%ZZ',
    `coursetable.session=${'A'.repeat(4000)}`,
    `${Array.from({ length: 200 }, (_, i) => `c${i}=${i}`).join('; ')}`,
    'coursetable.session="quoted"',
    'coursetable.session=\u00ff\u00fe',
    '__proto__=1',
    'constructor=x',
  ];
  for (const [i, c] of garbageCookies.entries())
    out.push(gql(`garbage cookie #${i}`, body, 'anon', { ...CT, cookie: c }));
  const weird: Array<Record<string, string | string[]>> = [
    { 'x-hasura-admin-secret': '' },
    { 'x-hasura-admin-secret': 'x'.repeat(10_000) },
    { 'x-hasura-access-key': 'guess' },
    { authorization: 'Bearer a.b.c' },
    { authorization: 'Basic Og==' },
    { authorization: 'x'.repeat(8000) },
    { 'x-hasura-role': ['admin', 'student'] },
    { 'x-forwarded-for': '127.0.0.1, 10.0.0.1' },
    { 'x-forwarded-host': 'evil.example' },
    { 'content-length': '5' },
    { 'x-request-id': '\u0000'.replace('\u0000', 'nul') },
    { 'accept-encoding': 'br, gzip, deflate, x'.repeat(100) },
    { 'x-big': 'y'.repeat(20_000) },
    { 'x-huge': 'y'.repeat(200_000) },
    Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x-h${i}`, 'v'])),
    { host: 'evil.example' },
    { 'transfer-encoding': 'chunked' },
    { 'x-hasura-use-backend-only-permissions': 'true' },
  ];
  for (const [i, h] of weird.entries()) out.push(gql(`odd header #${i}`, body, 'anon', { ...CT, ...h }));
  return out;
}

export const FORGED: ReadonlyArray<Record<string, string>> = [
  { 'x-hasura-role': 'admin' },
  { 'x-hasura-role': 'student_evals' },
  { 'x-hasura-role': 'student' },
  { 'X-HASURA-ROLE': 'ADMIN' },
  { 'x-hasura-user-id': '1' },
  { 'x-hasura-user-id': '2', 'x-hasura-role': 'student_evals' },
  { 'x-hasura-role': 'admin', 'x-hasura-user-id': '1' },
  { 'x-hasura-admin-secret': 'wrong' },
  { 'x-hasura-allowed-roles': '{admin,student_evals}', 'x-hasura-default-role': 'admin' },
  { 'x-hasura-use-backend-only-permissions': 'true', 'x-hasura-role': 'student_evals' },
  { 'x-hasura-role': 'anonymous', 'x-hasura-user-id': '1' },
  { 'x-hasura-role': "student_evals' or '1'='1" },
];

export const PRIVILEGE_QUERIES: readonly string[] = [
  '{ courses(limit: 2, order_by: {course_id: asc}) { course_id title } }',
  '{ users { user_id email } }',
  '{ worksheets(order_by: {worksheet_id: asc}) { worksheet_id user_id private } }',
  '{ evaluation_statistics(limit: 1) { course_id enrolled } }',
  '{ courses(limit: 1, order_by: {course_id: asc}) { average_rating } }',
  '{ password_credentials { user_id password_hash } }',
  '{ profile_fields(order_by: [{user_id: asc}, {field: asc}]) { user_id field value } }',
  '{ friendships { user_id friend_user_id } }',
];

/** action inputs through GraphQL (logged-in student) */
export function actionCases(): Case[] {
  const out: Case[] = [];
  const m = (name: string, query: string, variables?: Record<string, unknown>) =>
    out.push(gql(name, json({ query, variables }), 'student'));
  const strs: unknown[] = [
    '',
    ' ',
    'x'.repeat(65),
    'x'.repeat(100_000),
    ...INJECTIONS.slice(0, 30),
    null,
    1,
    true,
    [],
    {},
  ];
  for (const [i, s] of strs.entries()) {
    m(
      `createWorksheet name #${i}`,
      'mutation ($s: String!, $n: String!) { createWorksheet(season_code: $s, name: $n) { worksheet_id } }',
      { s: '202503', n: s },
    );
    m(
      `createWorksheet season #${i}`,
      'mutation ($s: String!) { createWorksheet(season_code: $s, name: "w") { worksheet_id } }',
      { s },
    );
    m(
      `addWorksheetCourse color #${i}`,
      'mutation ($c: String!) { addWorksheetCourse(worksheet_id: 1, crn: 1, color: $c) { crn } }',
      { c: s },
    );
  }
  const ints: unknown[] = [0, -1, 2 ** 31, -(2 ** 31) - 1, 1.5, 'x', null, 1e308, [1], {}];
  for (const [i, n] of ints.entries()) {
    m(
      `renameWorksheet id #${i}`,
      'mutation ($id: Int!) { renameWorksheet(worksheet_id: $id, name: "x") { worksheet_id } }',
      { id: n },
    );
    m(`deleteWorksheet id #${i}`, 'mutation ($id: Int!) { deleteWorksheet(worksheet_id: $id) { worksheet_id } }', {
      id: n,
    });
    m(
      `addWorksheetCourse crn #${i}`,
      'mutation ($n: Int!) { addWorksheetCourse(worksheet_id: 1, crn: $n, color: "#aabbcc") { crn } }',
      { n },
    );
    m(
      `setWorksheetPrivate #${i}`,
      'mutation ($id: Int!) { setWorksheetPrivate(worksheet_id: $id, private: true) { worksheet_id } }',
      { id: n },
    );
  }
  m('action unknown arg', 'mutation { createWorksheet(season_code: "202503", name: "x", owner: 1) { worksheet_id } }');
  m('action missing arg', 'mutation { createWorksheet(name: "x") { worksheet_id } }');
  m(
    'action 50 aliases',
    `mutation { ${Array.from({ length: 50 }, (_, i) => `a${i}: deleteWorksheet(worksheet_id: ${i + 1}) { worksheet_id }`).join(' ')} }`,
  );
  m(
    'action other user worksheet',
    'mutation { renameWorksheet(worksheet_id: 1, name: "pwned") { worksheet_id name } }',
  );
  return out;
}

/** REST bodies of the API routes */
export function restCases(): Case[] {
  const out: Case[] = [];
  const routes = [
    '/api/auth/password/login',
    '/api/auth/password/signup',
    '/api/auth/password/reset-request',
    '/api/auth/password/reset',
    '/api/auth/logout',
    '/api/auth/logout-all',
  ];
  const bodies: Array<string | Buffer> = [
    '',
    '{',
    'null',
    '[]',
    '"x"',
    '1',
    '{}',
    json({ email: 1, password: [] }),
    json({ email: {}, password: {} }),
    json({ email: null }),
    json({ email: 'a@b.c' }),
    json({ email: 'x'.repeat(70_000) }),
    json({ email: 'a@b.c', password: 'x'.repeat(60_000) }),
    json({ email: "' or 1=1 --@x.y", password: "' or 1=1 --" }),
    json({ __proto__: { admin: true }, email: 'a@b.c', password: 'p' }),
    '{"__proto__": {"isAdmin": true}, "email": "a@b.c", "password": "p"}',
    json({ constructor: { prototype: { role: 'admin' } } }),
    json({ email: 'a\u0000@b.c', password: 'p\u0000' }),
    json({ email: '\ud800@b.c', password: 'p' }),
    json({ token: 'x'.repeat(10_000), password: 'p' }),
    json({ token: "' or 1=1 --", password: 'new password 123' }),
    json({ token: null, password: null }),
    json({ displayName: '<script>', email: 'x@y.z', password: 'long enough password' }),
    json({ displayName: 'x'.repeat(1000), email: 'x@y.z', password: 'long enough password' }),
    json({ email: ['a@b.c'], password: 'p' }),
    Buffer.from([0xff, 0xfe, 0x00, 0x7b]),
    `{"a":${'['.repeat(50_000)}`,
  ];
  for (const p of routes) {
    for (const [i, b] of bodies.entries()) {
      out.push({
        name: `${p} body #${i}`,
        path: p,
        method: 'POST',
        headers: CT,
        body: b,
        who: i % 3 === 0 ? 'student' : 'anon',
        surface: 'rest',
      });
    }
    out.push({
      name: `${p} cross-origin`,
      path: p,
      method: 'POST',
      headers: { ...CT, origin: 'https://evil.example' },
      body: json({ email: 'a@b.c', password: 'p' }),
      who: 'anon',
      surface: 'rest',
    });
    out.push({
      name: `${p} origin null`,
      path: p,
      method: 'POST',
      headers: { ...CT, origin: 'null' },
      body: '{}',
      who: 'anon',
      surface: 'rest',
    });
    out.push({
      name: `${p} text/plain`,
      path: p,
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: json({ email: 'a@b.c', password: 'p' }),
      who: 'anon',
      surface: 'rest',
    });
    out.push({ name: `${p} GET`, path: p, method: 'GET', headers: {}, who: 'anon', surface: 'rest' });
  }
  // the webhook and action handler are reachable under /api: without the action secret they must refuse
  for (const [i, b] of [
    '{}',
    json({
      action: { name: 'deleteWorksheet' },
      input: { worksheet_id: 1 },
      session_variables: { 'x-hasura-role': 'student', 'x-hasura-user-id': '1' },
    }),
    '{',
  ].entries()) {
    out.push({
      name: `action handler without secret #${i}`,
      path: '/api/hasura/actions/deleteWorksheet',
      method: 'POST',
      headers: CT,
      body: b,
      who: 'anon',
      surface: 'rest',
    });
    out.push({
      name: `action handler wrong secret #${i}`,
      path: '/api/hasura/actions/deleteWorksheet',
      method: 'POST',
      headers: { ...CT, 'x-hasura-action-secret': 'guess' },
      body: b,
      who: 'anon',
      surface: 'rest',
    });
  }
  for (const q of ['', '?x=1', '?x=%ZZ'])
    out.push({
      name: `webhook GET ${q}`,
      path: `/api/hasura/auth${q}`,
      method: 'GET',
      headers: { cookie: 'coursetable.session=junk', 'x-hasura-role': 'admin' },
      who: 'anon',
      surface: 'rest',
    });
  for (const p of [
    '/api/admin/users',
    '/api/admin/users/1/evals',
    '/api/catalog/refresh',
    '/api/catalog/public/%2e%2e%2fetc%2fpasswd.json',
    '/api/catalog/public/..%2F..%2Fpackage.json',
    '/api/docs/../../package.json',
    '/api/%00',
    '/api/' + 'a'.repeat(8000),
  ]) {
    out.push({
      name: `api path ${p.slice(0, 60)}`,
      path: p,
      method: 'POST',
      headers: { ...CT, authorization: 'Bearer guess' },
      body: '{"grant": true}',
      who: 'anon',
      surface: 'rest',
    });
  }
  return out;
}
