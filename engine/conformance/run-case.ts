/** Runs one case file (a mapping or a list of steps) over one transport and judges it. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { caseHeaders } from './auth.js';
import type { AuthContext } from './auth.js';
import { hasErrors, judge } from './compare.js';
import type { Expectation, Outcome } from './compare.js';
import { send } from './http.js';
import type { Transport } from './types.js';
import { asSubscription, wsRequest } from './ws.js';
import { runSubscriptionSteps } from './subscription-steps.js';
import type { WsProtocol } from './ws.js';
import { loadYaml } from './yaml-file.js';

interface Step extends Expectation {
  url: string;
  query?: unknown;
  headers?: Record<string, unknown>;
  method?: string;
  body?: unknown;
  description?: string;
}

const RANK: Record<Outcome['verdict'], number> = { pass: 0, 'error-soft': 1, fail: 2 };

export function worst(a: Outcome, b: Outcome): Outcome {
  return RANK[b.verdict] > RANK[a.verdict] ? b : a;
}

function steps(doc: unknown): Step[] {
  const list = Array.isArray(doc) ? doc : [doc];
  return list.map((s, i) => {
    if (!s || typeof s !== 'object' || typeof (s as Step).url !== 'string') {
      throw new Error(`step ${i} is not a case mapping with a url`);
    }
    return s as Step;
  });
}

export async function runCaseFile(opts: {
  dir: string;
  file: string;
  transport: Transport;
  baseUrl: string;
  auth: AuthContext;
  addAuth: boolean;
  adminSecretHelper?: boolean;
  wsProtocol?: WsProtocol;
}): Promise<Outcome> {
  // upstream check_query_admin_secret: the admin secret (when configured) and no other auth headers
  const headersFor = async (given: Record<string, unknown> | undefined): Promise<Record<string, string>> => {
    if (!opts.adminSecretHelper) return caseHeaders(given, opts.auth, opts.addAuth);
    const h = await caseHeaders(given, opts.auth, false);
    if (opts.auth.adminSecret) h['X-Hasura-Admin-Secret'] = opts.auth.adminSecret;
    return h;
  };
  if (opts.file === 'steps.yaml') {
    const headers = await caseHeaders(undefined, opts.auth, opts.addAuth);
    return runSubscriptionSteps({
      dir: opts.dir,
      baseUrl: opts.baseUrl,
      headers,
      protocol: opts.wsProtocol ?? 'graphql-ws',
    });
  }
  const all = steps(loadYaml(join(opts.dir, opts.file)));
  let out: Outcome = { verdict: 'pass' };
  for (const [i, step] of all.entries()) {
    const headers = await headersFor(step.headers);
    if (opts.transport !== 'http' && /\/graphql$/.test(step.url)) {
      const sub = opts.transport === 'subscription';
      out = worst(out, await overWebsocket(step, headers, opts.baseUrl, sub, opts.wsProtocol ?? 'graphql-ws'));
      if (out.verdict === 'fail') break;
      continue;
    }
    if (opts.addAuth && !opts.adminSecretHelper && opts.auth.adminSecret && !opts.auth.webhook && !opts.auth.jwt) {
      const refused = await adminSecretRefused(step, opts.baseUrl, opts.auth);
      if (refused) {
        out = worst(out, { verdict: 'fail', reason: all.length > 1 ? `step ${i + 1}: ${refused}` : refused });
        break;
      }
    }
    const res = await send(opts.baseUrl, step.url, {
      query: step.query,
      headers,
      ...(step.method === undefined ? {} : { method: step.method }),
      ...(step.body === undefined ? {} : { body: step.body }),
    });
    const o = judge(step, res, step.query);
    const tagged: Outcome =
      o.reason === undefined ? o : { ...o, reason: all.length > 1 ? `step ${i + 1}: ${o.reason}` : o.reason };
    out = worst(out, tagged);
    if (out.verdict === 'fail') break; // upstream asserts: later steps do not run
  }
  return out;
}

/** One step over the websocket (upstream validate_gql_ws_q): no status; the data/error payload is compared. */
async function overWebsocket(
  step: Step,
  headers: Record<string, string>,
  baseUrl: string,
  subscription: boolean,
  protocol: WsProtocol,
): Promise<Outcome> {
  const body = subscription ? asSubscription(step.query) : step.query;
  let res: Awaited<ReturnType<typeof wsRequest>>;
  try {
    res = await wsRequest(baseUrl, step.url, body, headers, { subscription, protocol });
  } catch (e) {
    return { verdict: 'fail', reason: `websocket transport: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (step.response === undefined) {
    return res.type === 'data' || res.type === 'error'
      ? { verdict: 'pass' }
      : { verdict: 'fail', reason: `websocket ${res.type}: ${JSON.stringify(res.payload).slice(0, 200)}` };
  }
  const expectsErrors = hasErrors(step.response);
  if (res.type === 'connection_error' || (res.type === 'error' && !expectsErrors)) {
    return { verdict: 'fail', reason: `websocket ${res.type}: ${JSON.stringify(res.payload).slice(0, 200)}` };
  }
  return judge({ status: 200, response: step.response }, { status: 200, body: res.payload, headers: {} }, body);
}

/**
 * Upstream's check before every request of an admin-secret server (validate.py
 * `test_forbidden_when_admin_secret_reqd`): the same request without the secret, then with a random one, must be
 * refused: HTTP 200 with an `errors` body on `/v1/graphql` and `/v1beta1/relay` (404 when the case expects 404),
 * 401 or 404 elsewhere. With `HASURA_GRAPHQL_UNAUTHORIZED_ROLE` set, a request without any secret legitimately runs
 * as that role, so only its status is checked. Returns the reason of a failure, or null.
 */
export async function adminSecretRefused(step: Step, baseUrl: string, auth: AuthContext): Promise<string | null> {
  const graphql = step.url === '/v1/graphql' || step.url === '/v1beta1/relay';
  const statuses = graphql ? [step.status === 404 ? 404 : 200] : [401, 404];
  const unauthorizedRole = Boolean(auth.env['HASURA_GRAPHQL_UNAUTHORIZED_ROLE']);
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.headers ?? {})) base[k] = String(v);
  const attempts: [string, Record<string, string>, boolean][] = [
    ['without the admin secret', base, !unauthorizedRole],
    ['with a random admin secret', { ...base, 'X-Hasura-Admin-Secret': randomBytes(30).toString('base64') }, true],
  ];
  for (const [what, headers, mustError] of attempts) {
    const res = await send(baseUrl, step.url, {
      query: step.query,
      headers,
      ...(step.method === undefined ? {} : { method: step.method }),
      ...(step.body === undefined ? {} : { body: step.body }),
    });
    const body = JSON.stringify(res.body).slice(0, 200);
    if (!statuses.includes(res.status)) {
      return `admin-secret check: request ${what} got HTTP ${res.status}, expected ${statuses.join(' or ')}: ${body}`;
    }
    if (graphql && mustError && res.status === 200 && !hasErrors(res.body)) {
      return `admin-secret check: request ${what} was not refused: ${body}`;
    }
  }
  return null;
}
