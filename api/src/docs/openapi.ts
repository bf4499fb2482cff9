/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas the handlers validate with
 * (zod's own z.toJSONSchema) and from the error registry, plus a readable HTML page of it. Path and query
 * parameters come from zod objects too. `api/test/ops/ops.test.ts` lists the routes the app really serves (router
 * 2's listRoutes) and fails when one is missing here or lacks a schema for its path parameters. Served offline:
 *   GET /api/docs/openapi.json
 *   GET /api/docs
 */
import { Router } from 'express';
import { z } from 'zod';
import { loginSchema, resetRequestSchema, resetSchema, signupSchema } from '../auth/password.schemas.js';
import { verifyEmailSchema } from '../auth/verify-email.routes.js';
import { FERRY_REFRESH_QUERY } from '../catalog/catalog.routes.js';
import { API_ERRORS } from '../errors.js';
import { ACTIONS } from '../hasura/actions/index.js';

interface Op {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  body?: z.ZodType;
  /** `{name}` segments of the path */
  params?: z.ZodObject;
  query?: z.ZodObject;
  responses: Record<string, string>;
  errors?: Array<keyof typeof API_ERRORS>;
}

const REDIRECT = z.object({ redirect: z.string().optional().describe('where to go after the login (checked)') });
const SEASON = z.object({ season: z.string().describe('season code, e.g. 202403') });

export const OPS: Op[] = [
  { method: 'get', path: '/api/ping', summary: 'Liveness: answers "pong".', responses: { '200': '"pong"' } },
  {
    method: 'get',
    path: '/api/health',
    summary: 'Per-dependency status and latency (Redis, Postgres, GraphQL engine).',
    responses: { '200': 'all up', '503': 'one is down' },
  },
  {
    method: 'get',
    path: '/api/auth/check',
    summary: 'Who am I: { auth, user }.',
    responses: { '200': '{ auth: boolean, user: object | null }' },
    errors: ['session-store-unavailable'],
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Ends this session and clears the cookie.',
    responses: { '200': '{ ok: true }' },
    errors: ['unauthenticated', 'cross-origin-request'],
  },
  {
    method: 'post',
    path: '/api/auth/logout-all',
    summary: 'Ends every session of the user (all devices).',
    responses: { '200': '{ ok: true, ended: number }' },
    errors: ['unauthenticated'],
  },
  {
    method: 'post',
    path: '/api/auth/password/signup',
    summary:
      'Creates an email+password account (then log in). Answers the same for a taken address, whose owner is mailed.',
    body: signupSchema,
    responses: { '202': '{ ok: true }' },
    errors: ['validation-failed', 'rate-limited'],
  },
  {
    method: 'post',
    path: '/api/auth/password/login',
    summary: 'Email+password login (argon2id); regenerates the session.',
    body: loginSchema,
    responses: { '200': '{ user }' },
    errors: ['invalid-credentials', 'rate-limited', 'service-unavailable', 'session-store-unavailable'],
  },
  {
    method: 'post',
    path: '/api/auth/password/reset-request',
    summary: 'Mails a single-use reset link (always 202).',
    body: resetRequestSchema,
    responses: { '202': '{ ok: true }' },
    errors: ['rate-limited'],
  },
  {
    method: 'post',
    path: '/api/auth/password/reset',
    summary: 'Sets a new password with a reset token; ends all sessions.',
    body: resetSchema,
    responses: { '200': '{ ok: true }' },
    errors: ['invalid-token', 'validation-failed'],
  },
  {
    method: 'get',
    path: '/api/auth/verify-email',
    summary: 'Whether an e-mail verification token is usable; spends nothing.',
    query: verifyEmailSchema,
    responses: { '200': '{ ok: true }' },
    errors: ['invalid-token', 'validation-failed'],
  },
  {
    method: 'post',
    path: '/api/auth/verify-email',
    summary: 'Verifies the address with the token mailed at sign-up (single use).',
    body: verifyEmailSchema,
    responses: { '200': '{ ok: true }' },
    errors: ['invalid-token', 'validation-failed'],
  },
  {
    method: 'post',
    path: '/api/auth/verify-email/resend',
    summary: 'Mails a new verification link to the logged-in, unverified user.',
    responses: { '202': '{ ok: true }' },
    errors: ['unauthenticated', 'email-already-verified', 'rate-limited', 'service-unavailable'],
  },
  {
    method: 'get',
    path: '/api/auth/cas',
    summary: 'CAS login: redirects to the CAS server.',
    query: REDIRECT,
    responses: { '302': 'to CAS /login' },
    errors: ['invalid-redirect', 'provider-disabled'],
  },
  {
    method: 'get',
    path: '/api/auth/cas/callback',
    summary: 'CAS ticket validation (serviceValidate / p3), in the browser that started the login only, then redirect.',
    query: REDIRECT.extend({ ticket: z.string(), login: z.string().describe('the login binding') }),
    responses: { '302': 'to the redirect target' },
    errors: ['login-failed'],
  },
  {
    method: 'get',
    path: '/api/auth/oidc',
    summary: 'OIDC login (authorization code + PKCE): redirects to the IdP.',
    query: REDIRECT,
    responses: { '302': 'to the IdP' },
    errors: ['invalid-redirect', 'provider-disabled'],
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'OIDC code exchange and ID token validation, in the browser that started the login only, then redirect.',
    query: z.object({ code: z.string(), state: z.string() }),
    responses: { '302': 'to the redirect target' },
    errors: ['login-failed'],
  },
  {
    method: 'get',
    path: '/api/hasura/auth',
    summary: 'Hasura auth webhook (GET mode): role and user id from the session cookie.',
    responses: { '200': '{ "X-Hasura-Role", "X-Hasura-User-Id"? }' },
    errors: ['invalid-session'],
  },
  {
    method: 'post',
    path: '/api/hasura/auth',
    summary: 'Hasura auth webhook (POST mode: { headers, request }).',
    responses: { '200': '{ "X-Hasura-Role", "X-Hasura-User-Id"? }' },
    errors: ['invalid-session'],
  },
  {
    method: 'get',
    path: '/api/catalog/public/{season}.json',
    summary: 'Public static catalog of a season (ETag, Last-Modified, gzip).',
    params: SEASON,
    responses: { '200': 'listings', '304': 'not modified' },
    errors: ['not-found'],
  },
  {
    method: 'get',
    path: '/api/catalog/evals/{season}.json',
    summary: 'Evaluation data of a season (role student_evals).',
    params: SEASON,
    responses: { '200': 'courses', '304': 'not modified' },
    errors: ['unauthenticated', 'evals-required', 'not-found'],
  },
  {
    method: 'get',
    path: '/api/catalog/metadata.json',
    summary: 'When the static catalogs were last generated and for which seasons.',
    responses: { '200': '{ last_update, seasons }', '304': 'not modified' },
    errors: ['not-found'],
  },
  {
    method: 'post',
    path: '/api/catalog/refresh',
    summary: 'Enqueues catalog regeneration (header x-catalog-refresh-secret).',
    body: z.object({ seasons: z.array(z.string()).optional() }),
    responses: { '202': 'enqueued' },
    errors: ['invalid-secret'],
  },
  {
    method: 'get',
    path: '/api/catalog/refresh',
    summary:
      "Ferry's call to CourseTable, accepted unchanged: enqueues regeneration of the listed seasons, or all (header X-FERRY-SECRET or x-catalog-refresh-secret).",
    query: FERRY_REFRESH_QUERY,
    responses: { '202': 'enqueued' },
    errors: ['invalid-secret', 'validation-failed'],
  },
  {
    method: 'get',
    path: '/api/graphiql',
    summary:
      'GraphiQL (offline) over /v1/graphql of the same origin, with the session cookie (anonymous otherwise); assets under /api/graphiql/assets/.',
    responses: { '200': 'HTML page' },
  },
  {
    method: 'get',
    path: '/api/graphiql/assets/{name}',
    summary: "GraphiQL's bundled scripts and styles (served from the API, nothing from a CDN).",
    params: z.object({ name: z.string() }),
    responses: { '200': 'the asset' },
    errors: ['not-found'],
  },
  {
    method: 'get',
    path: '/api/docs',
    summary: 'This document as a readable page.',
    responses: { '200': 'HTML page' },
  },
  {
    method: 'get',
    path: '/api/docs/openapi.json',
    summary: 'This document (OpenAPI 3.1).',
    responses: { '200': 'OpenAPI document' },
  },
  {
    method: 'put',
    path: '/api/admin/users/{id}/evals',
    summary: 'Grants or revokes evaluation access (header x-admin-secret).',
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({ hasEvals: z.boolean() }),
    responses: { '200': '{ id, hasEvals, grantedBy }' },
    errors: ['invalid-secret', 'user-not-found'],
  },
  ...ACTIONS.map((a): Op => ({
    method: 'post',
    path: `/api/hasura/actions/${a.name}`,
    summary: `Hasura action ${a.name} (header x-hasura-action-secret; body { action, input, session_variables }). The schema below is the input.`,
    body: a.input,
    responses: { '200': 'the action output type', '4xx': '{ message, extensions: { code } }' },
  })),
];

function jsonSchema(s: z.ZodType): unknown {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
}

/** OpenAPI parameters from a zod object: one per property, required unless optional. */
function parameters(where: 'path' | 'query', s: z.ZodObject | undefined): unknown[] {
  if (!s) return [];
  const schema = jsonSchema(s) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    schema: p,
  }));
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const responses: Record<string, unknown> = Object.fromEntries(
      Object.entries(op.responses).map(([k, v]) => [k, { description: v }]),
    );
    for (const code of op.errors ?? []) {
      const e = API_ERRORS[code];
      const key = String(e.status);
      const prev = responses[key] as { description: string } | undefined;
      responses[key] = { description: prev ? `${prev.description}; ${code}` : `${code}: ${e.message}` };
    }
    const params = [...parameters('path', op.params), ...parameters('query', op.query)];
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      ...(params.length > 0 ? { parameters: params } : {}),
      ...(op.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CourseTable API',
      version: '1.0.0',
      description: 'Auth/session sidecar: logins, Redis sessions, Hasura auth webhook and actions, static catalog.',
    },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          properties: {
            error: {
              type: 'object',
              properties: { code: { enum: Object.keys(API_ERRORS) }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function docsHtml(doc: Record<string, unknown>): string {
  const paths = doc['paths'] as Record<
    string,
    Record<
      string,
      {
        summary: string;
        requestBody?: { content: Record<string, { schema: unknown }> };
        responses: Record<string, { description: string }>;
      }
    >
  >;
  const rows = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const schema = op.requestBody?.content['application/json']?.schema;
      return `<section><h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2><p>${esc(op.summary)}</p>${
        schema
          ? `<details><summary>Request body schema</summary><pre>${esc(JSON.stringify(schema, null, 2))}</pre></details>`
          : ''
      }<ul>${Object.entries(op.responses)
        .map(([k, r]) => `<li><b>${esc(k)}</b> ${esc(r.description)}</li>`)
        .join('')}</ul></section>`;
    }),
  );
  const errors = Object.entries(API_ERRORS)
    .map(([code, e]) => `<tr><td><code>${code}</code></td><td>${e.status}</td><td>${esc(e.message)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CourseTable API</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1rem;margin:.3rem 0}.m{display:inline-block;min-width:3.5em;padding:0 .4em;border-radius:4px;color:#fff;font-size:.8rem;text-align:center}
.get{background:#2f7d32}.post{background:#1565c0}.put{background:#8e6a00}pre{background:#f5f5f5;padding:.5rem;overflow:auto}table{border-collapse:collapse}td{border:1px solid #ddd;padding:.2rem .5rem}
</style></head><body><h1>CourseTable API</h1><p>Machine-readable: <a href="/api/docs/openapi.json">openapi.json</a> (OpenAPI 3.1, generated from the zod schemas).</p>
${rows.join('\n')}<h2>Error codes</h2><p>Errors are <code>{"error":{"code","message"}}</code>; action errors are <code>{"message","extensions":{"code"}}</code>.</p><table>${errors}</table></body></html>`;
}

export function docsRouter(): Router {
  const r = Router();
  const doc = openApiDocument();
  const html = docsHtml(doc);
  r.get('/openapi.json', (_req, res) => {
    res.json(doc);
  });
  r.get('/', (_req, res) => {
    res.type('html').send(html);
  });
  return r;
}
