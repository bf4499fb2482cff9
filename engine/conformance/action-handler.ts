/**
 * The action handler upstream's action tests call (`ActionsWebhookHandler` in tests-py `context.py`, reference
 * part B2), re-implemented from what the case files expect. The engine reaches it through
 * `ACTION_WEBHOOK_HANDLER`. One server per run; each class registers a tenant (its engine's URL and admin secret)
 * and gets its own base URL `http://127.0.0.1:<port>/t<n>`, so classes running in parallel call back their own
 * engine. Paths without a tenant prefix go to the default tenant (passthrough: the Hasura under test).
 *
 * Responses are written like Python's `BaseHTTPRequestHandler` (`send_response_only` + two headers): status line
 * `HTTP/1.0`, exactly `Content-Type: application/json` and `Set-Cookie: abcd`, body until the connection closes.
 * The expected `extensions.internal.response.headers` of the cases list exactly those two headers.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { STATUS_CODES } from 'node:http';

export interface ActionTenant {
  /** Base URL of the engine the handler calls back (`insert_user_one`, `user(where: …)`). */
  engineUrl(): Promise<string>;
  adminSecret: string | null;
}

export interface ActionHandler {
  /** Base URL for the default tenant. */
  url: string;
  /** Registers a tenant; `base` is its `ACTION_WEBHOOK_HANDLER` value. */
  register(t: ActionTenant): { base: string; dispose(): void };
  close(): Promise<void>;
}

type Json = unknown;
interface Reply {
  status: number;
  body: Json;
}
const ok = (body: Json): Reply => ({ status: 200, body });
const bad = (body: Json): Reply => ({ status: 400, body });

/** Python `re.search(r'^\w+([\.-]?\w+)*@\w+([\.-]?\w+)*(\.\w{2,3})+$', email)`. */
const EMAIL = /^\w+([.-]?\w+)*@\w+([.-]?\w+)*(\.\w{2,3})+$/;
const INVALID_EMAIL = { message: 'Given email address is not valid', code: 'invalid-email' };
const GQL_FAILED = { message: 'GraphQL query execution failed', code: 'unexpected' };

const INSERT_ONE = `
mutation ($email: String! $name: String!) {
  insert_user_one(object: {email: $email, name: $name}){
    id
  }
}
`;
const INSERT_MANY = `
mutation ($insert_inputs: [user_insert_input!]!){
  insert_user(objects: $insert_inputs){
    returning{
      id
    }
  }
}
`;
const USERS_BY_EMAIL = `
query get_user($email:String!) {
  user(where:{email:{_eq:$email}},order_by: {id: asc}) {
    id
  }
}
`;

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The handler's routes; `gql` runs a GraphQL request on the tenant's engine (admin secret when there is one). */
async function route(
  path: string,
  req: Record<string, unknown>,
  headers: [string, string][],
  gql: (
    query: string,
    variables: Record<string, unknown>,
  ) => Promise<{ status: number; body: Record<string, unknown> }>,
): Promise<Reply | null> {
  const input = obj(req['input']);
  const data = async (query: string, variables: Record<string, unknown>): Promise<Record<string, unknown> | null> => {
    const r = await gql(query, variables);
    return r.status === 200 && 'data' in r.body ? obj(r.body['data']) : null;
  };
  const usersByEmail = async (single: boolean): Promise<Reply> => {
    const email = text(input['email']);
    if (!EMAIL.test(email)) return bad(INVALID_EMAIL);
    const d = await data(USERS_BY_EMAIL, { email });
    if (!d) return bad(GQL_FAILED);
    const users = Array.isArray(d['user']) ? (d['user'] as unknown[]) : [];
    return ok(single ? users[0] : users);
  };
  const nested = (u: unknown): Record<string, unknown> => ({
    ...obj(u),
    address: { city: 'New York', country: 'USA' },
    addresses: [
      { city: 'Bangalore', country: 'India' },
      { city: 'Melbourne', country: 'Australia' },
    ],
    user_id: { id: obj(u)['id'] },
  });
  const createUser = async (wrap: (u: unknown) => unknown): Promise<Reply> => {
    const email = text(input['email']);
    if (!EMAIL.test(email)) return bad(INVALID_EMAIL);
    const d = await data(INSERT_ONE, { email, name: input['name'] });
    return d ? ok(wrap(d['insert_user_one'])) : bad(GQL_FAILED);
  };
  switch (path) {
    case '/create-user':
      return createUser((u) => u);
    case '/create-user-nested':
      return createUser((u) => ({ userObj: u }));
    case '/create-users': {
      const users = Array.isArray(input['users']) ? (input['users'] as unknown[]) : [];
      for (const u of users) {
        const email = text(obj(u)['email']);
        if (!EMAIL.test(email)) return bad({ message: `Email address is not valid: ${email}`, code: 'invalid-email' });
      }
      const d = await data(INSERT_MANY, { insert_inputs: users });
      return d ? ok(obj(d['insert_user'])['returning']) : bad(GQL_FAILED);
    }
    case '/mirror-action':
      return ok(input['arg']);
    case '/mirror-headers':
      return ok({ headers: headers.map(([name, value]) => ({ name, value })) });
    case '/get-user-by-email':
      return usersByEmail(true);
    case '/get-users-by-email':
      return usersByEmail(false);
    case '/get-user-by-email-nested':
    case '/get-users-by-email-nested': {
      const r = await usersByEmail(path === '/get-user-by-email-nested');
      if (r.status !== 200) return r;
      return ok(Array.isArray(r.body) ? r.body.map(nested) : nested(r.body));
    }
    case '/intentional-error':
      return bad(input['blob']);
    case '/null-response':
      return ok(null);
    case '/omitted-response-field':
      return ok({ country: 'India' });
    case '/scalar-response':
      return ok('some-string');
    case '/json-response':
      return ok({ foo: 'bar' });
    case '/scalar-array-response':
      return ok(['foo', 'bar', null]);
    case '/custom-scalar-array-response':
      return ok([{ foo: 'bar' }]);
    case '/recursive-output':
      return ok({
        direct: { id: 1, this: { id: 2, this: { id: 3 } } },
        list: { id: 1, these: [{ id: 2, these: [{ id: 3 }] }, { id: 4 }] },
        mutual: { id: 1, that: { id: 2, other: { id: 3, that: { id: 4 } } } },
      });
    case '/get-results':
      return ok({ result_ids: [1, 2, 3, 4] });
    case '/typed-nested-null':
      return ok({ id: 1, child: null });
    case '/typed-nested-null-wrong-field':
      return ok({ id: 1, child: null, wrong_field: 123 });
    case '/get_messages':
      return ok([
        { content: 'baz', user_name: 'foo' },
        { content: 'foo', user_name: 'bar' },
      ]);
    default:
      return null;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

export function startActionHandler(defaultTenant: ActionTenant | null = null, port = 0): Promise<ActionHandler> {
  const tenants = new Map<string, ActionTenant>();
  let counter = 0;
  const server: Server = createServer((req) => {
    const raw = (status: number, body: Json): void => {
      const head = [`HTTP/1.0 ${status} ${STATUS_CODES[status] ?? ''}`];
      if (body !== undefined) head.push('Content-Type: application/json', 'Set-Cookie: abcd');
      const payload = body === undefined ? '' : JSON.stringify(body);
      req.socket.end(`${head.join('\r\n')}\r\n\r\n${payload}`);
    };
    void (async () => {
      const reqText = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://handler');
      const m = /^\/(t\d+)(\/.*)$/.exec(url.pathname);
      const tenant = (m?.[1] ? tenants.get(m[1]) : undefined) ?? defaultTenant;
      const path = m?.[1] && tenants.has(m[1]) ? (m[2] ?? '/') : url.pathname;
      if (req.method !== 'POST') return raw(200, undefined);
      let body: Record<string, unknown>;
      try {
        body = obj(JSON.parse(reqText));
      } catch {
        return raw(400, { message: 'request body is not JSON', code: 'bad-request' });
      }
      const gql = async (query: string, variables: Record<string, unknown>) => {
        if (!tenant) throw new Error('no engine registered for this action handler path');
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (tenant.adminSecret) headers['X-Hasura-Admin-Secret'] = tenant.adminSecret;
        const r = await fetch(new URL('/v1/graphql', await tenant.engineUrl()), {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const parsed: unknown = await r.json().catch(() => ({}));
        return { status: r.status, body: obj(parsed) };
      };
      const reply = await route(path, body, pairs(req.rawHeaders), gql);
      if (!reply) return raw(204, undefined);
      raw(reply.status, reply.body);
    })().catch((e: unknown) =>
      raw(500, { message: e instanceof Error ? e.message : 'handler error', code: 'unexpected' }),
    );
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const bound = typeof addr === 'object' && addr ? addr.port : 0;
      const url = `http://127.0.0.1:${bound}`;
      resolve({
        url,
        register(t) {
          const id = `t${++counter}`;
          tenants.set(id, t);
          return { base: `${url}/${id}`, dispose: () => void tenants.delete(id) };
        },
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
