/**
 * The harness's auth wrappers (upstream tests-py validate.py `check_query`): the same case file runs as admin,
 * with an admin secret, through an auth webhook (headers → `Authorization: Bearer base64(json(headers))`) or with a
 * minted JWT carrying the case's role and session variables.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import type { ServerSettings } from './types.js';

export type AuthMode = 'none' | 'admin-secret' | 'webhook' | 'webhook-post' | 'jwt';
export const AUTH_MODES: readonly AuthMode[] = ['none', 'admin-secret', 'webhook', 'webhook-post', 'jwt'];

export interface AuthContext {
  adminSecret: string | null;
  webhook: boolean;
  jwt: { sign(claims: Record<string, unknown>): Promise<string> } | null;
  /** HASURA_GRAPHQL_* settings the engine must run with. */
  env: Record<string, string>;
}

export const JWT_CLAIMS_NAMESPACE = 'https://hasura.io/jwt/claims';

/** Everything a class needs for its server settings under the global auth mode. */
export async function makeAuthContext(
  mode: AuthMode,
  settings: ServerSettings,
  webhookUrl: () => Promise<string>,
): Promise<AuthContext> {
  const env: Record<string, string> = { ...settings.env };
  const useJwt = settings.jwt !== null || mode === 'jwt';
  const webhook = !useJwt && (mode === 'webhook' || mode === 'webhook-post');
  const secretNeeded = settings.adminSecret || useJwt || webhook || mode === 'admin-secret';
  const adminSecret = secretNeeded ? `conformance-${randomBytes(8).toString('hex')}` : null;
  if (adminSecret) env['HASURA_GRAPHQL_ADMIN_SECRET'] = adminSecret;
  let jwt: AuthContext['jwt'] = null;
  if (useJwt) {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    env['HASURA_GRAPHQL_JWT_SECRET'] = JSON.stringify({ type: 'RS256', key: await exportSPKI(publicKey) });
    jwt = {
      sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'RS256' }).sign(privateKey),
    };
  }
  if (webhook) {
    env['HASURA_GRAPHQL_AUTH_HOOK'] = await webhookUrl();
    env['HASURA_GRAPHQL_AUTH_HOOK_MODE'] = mode === 'webhook-post' ? 'POST' : 'GET';
  }
  return { adminSecret, webhook, jwt, env };
}

/** Request headers for one case, as the upstream harness builds them. */
export async function caseHeaders(
  caseHeaders: Record<string, unknown> | undefined,
  auth: AuthContext,
  addAuth: boolean,
): Promise<Record<string, string>> {
  let headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(caseHeaders ?? {})) headers[k] = String(v);
  // Upstream adds X-Hasura-Role: admin at random when the case has no headers; we always do.
  if (Object.keys(headers).length === 0) headers['X-Hasura-Role'] = 'admin';
  if (!addAuth) return headers;
  const role = headers['X-Hasura-Role'];
  if (auth.jwt && role !== undefined) {
    const claims: Record<string, unknown> = { 'X-Hasura-Allowed-Roles': [role], 'X-Hasura-Default-Role': role };
    for (const [k, v] of Object.entries(headers)) if (k !== 'X-Hasura-Role') claims[k] = v;
    headers['Authorization'] =
      `Bearer ${await auth.jwt.sign({ sub: 'foo', name: 'bar', [JWT_CLAIMS_NAMESPACE]: claims })}`;
  }
  if (auth.webhook && Object.keys(headers).length > 0) {
    headers['X-Hasura-Auth-Mode'] = 'webhook';
    headers = { Authorization: `Bearer ${Buffer.from(JSON.stringify(headers)).toString('base64')}` };
  } else if ((auth.webhook || auth.jwt) && auth.adminSecret && Object.keys(headers).length === 0) {
    headers['X-Hasura-Admin-Secret'] = auth.adminSecret;
  } else if (auth.adminSecret && !auth.webhook && !auth.jwt) {
    headers['X-Hasura-Admin-Secret'] = auth.adminSecret;
  }
  return headers;
}

/** Decode the test webhook's bearer token into the session it stands for (upstream webhook.py). */
export function sessionFromBearer(authorization: string | undefined): Record<string, unknown> | null {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!m?.[1]) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The auth webhook (GET: the request's Authorization; POST: `headers.Authorization` of the JSON body). */
export function startAuthWebhook(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', () => {
      let authz: string | undefined = req.headers.authorization;
      if (req.method === 'POST') {
        try {
          const body = JSON.parse(raw) as { headers?: Record<string, string> };
          const hs = body.headers ?? {};
          authz = Object.entries(hs).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
        } catch {
          authz = undefined;
        }
      }
      const session = sessionFromBearer(authz);
      res.writeHead(session ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(session ?? { message: 'unauthorized' }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    });
  });
}
