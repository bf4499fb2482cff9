/**
 * Webhook authentication (src: server/src-lib/Hasura/Server/Auth/WebHook.hs `userInfoFromAuthHook`,
 * docs: auth/authentication/webhook.mdx):
 * - GET forwards the client headers minus `commonClientHeadersIgnored`; POST sends
 *   `{"headers": {...all client headers...}, "request": <GraphQL request>}` (`request` only when
 *   `HASURA_GRAPHQL_AUTH_HOOK_SEND_REQUEST_BODY` is true). Both add `Content-Type` and `User-Agent` (`addDefaultHeaders`).
 * - 200 with a JSON object of strings: its `x-hasura-*` keys are the session, `x-hasura-role` required;
 *   401 → `Authentication hook unauthorized this request`; anything else → `Invalid response from authorization hook`;
 *   a failed call (refused, timeout) → `webhook authentication request failed`.
 * - `Cache-Control`/`Expires` (keys of the JSON answer as upstream, or the HTTP response headers) give the answer's
 *   expiry; answers are cached until then, keyed by what was sent to the hook.
 * - `Set-Cookie` headers of the hook response are passed back to the client.
 */
import type { Session } from '../session.js';
import { expected, aesonKey, invalidJsonMessage } from './aeson-errors.js';
import { expiryFromCacheHeaders } from './cache-control.js';
import type { AuthHookConfig } from '../config/auth-config.js';
import { EngineError } from '../errors.js';
import { COMMON_CLIENT_HEADERS_IGNORED, sessionVariablesFromObject, type HeaderList } from './headers.js';
import { httpRequest, headerString, HttpClientError, type HttpResponse } from '../http/client.js';
import { mkUserInfo } from './user-info.js';

export const ENGINE_VERSION = 'v2.48.10';
const USER_AGENT = `hasura-graphql-engine/${ENGINE_VERSION}`;

/** Never forwarded: hop-by-hop headers would corrupt our own request to the hook. */
const HOP_BY_HOP = new Set([
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'expect',
]);

function withoutRequestId(flat: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    if (flat[i]?.toLowerCase() !== 'x-request-id') out.push(flat[i] ?? '', flat[i + 1] ?? '');
  }
  return out;
}

export interface HookAnswer {
  session: Session;
  /** Epoch ms after which the answer must not be reused (websocket expiry upstream). */
  expiresAt?: number;
  setCookies: string[];
}

interface CacheEntry {
  answer: HookAnswer;
  expiresAt: number;
}

const MAX_CACHE_ENTRIES = 10_000;

export class AuthWebhook {
  private readonly cache = new Map<string, CacheEntry>();
  /** `onCacheLookup` learns whether each request was answered from the cache (metrics: the hit ratio). */
  constructor(
    private readonly cfg: AuthHookConfig,
    private readonly now: () => number = Date.now,
    private readonly onCacheLookup: (hit: boolean) => void = () => undefined,
  ) {}

  async resolve(headers: HeaderList, request: unknown): Promise<HookAnswer> {
    const { reqHeaders, body } = this.buildRequest(headers, request);
    // the request id differs on every request and says nothing about who is asking: not part of the cache key
    const key = JSON.stringify([this.cfg.mode, withoutRequestId(reqHeaders), body ?? null]);
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      if (cached.expiresAt > this.now()) {
        this.onCacheLookup(true);
        return cached.answer;
      }
      this.cache.delete(key);
    }
    this.onCacheLookup(false);
    let resp: HttpResponse;
    try {
      resp = await httpRequest(this.cfg.url, {
        method: this.cfg.mode,
        headers: reqHeaders,
        ...(body !== undefined ? { body } : {}),
        timeoutMs: this.cfg.timeoutMs,
      });
    } catch (e) {
      if (e instanceof HttpClientError) throw EngineError.unexpected('webhook authentication request failed');
      throw e;
    }
    const answer = this.answerFrom(resp);
    if (answer.expiresAt !== undefined && answer.expiresAt > this.now()) this.remember(key, answer, answer.expiresAt);
    return answer;
  }

  private buildRequest(headers: HeaderList, request: unknown): { reqHeaders: string[]; body?: string } {
    const defaults = ['Content-Type', 'application/json', 'User-Agent', USER_AGENT];
    if (this.cfg.mode === 'GET') {
      const out = [...defaults];
      for (const [k, v] of headers) {
        const l = k.toLowerCase();
        if (COMMON_CLIENT_HEADERS_IGNORED.has(l) || HOP_BY_HOP.has(l)) continue;
        out.push(k, v);
      }
      return { reqHeaders: out };
    }
    const hdrs: Record<string, string> = {};
    for (const [k, v] of headers) hdrs[k] = v;
    const payload: Record<string, unknown> = { headers: hdrs };
    if (this.cfg.sendRequestBody) payload['request'] = request ?? null;
    return { reqHeaders: defaults, body: JSON.stringify(payload) };
  }

  private answerFrom(resp: HttpResponse): HookAnswer {
    if (resp.status === 401) throw EngineError.unauthorized('Authentication hook unauthorized this request');
    if (resp.status !== 200) throw EngineError.unexpected('Invalid response from authorization hook');
    let parsed: unknown;
    try {
      parsed = JSON.parse(resp.body);
    } catch (e) {
      throw EngineError.unexpected(`Invalid response from authorization hook: ${invalidJsonMessage(resp.body, e)}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw EngineError.unexpected(
        `Invalid response from authorization hook: Error in $: ${expected('HashMap ~Text', 'Object', parsed)}`,
      );
    }
    const obj: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
      if (typeof v !== 'string') {
        throw EngineError.unexpected(
          `Invalid response from authorization hook: Error in $${aesonKey(k)}: ${expected('Text', 'String', v)}`,
        );
      }
      obj[k] = v;
    }
    const session = mkUserInfo({ kind: 'fromSession' }, 'not-sent', sessionVariablesFromObject(obj));
    const now = this.now();
    const expiresAt =
      expiryFromCacheHeaders(obj['Cache-Control'], obj['Expires'], now) ??
      expiryFromCacheHeaders(headerString(resp.headers['cache-control']), headerString(resp.headers['expires']), now);
    const setCookie = resp.headers['set-cookie'];
    const answer: HookAnswer = { session, setCookies: setCookie ?? [] };
    if (expiresAt !== undefined) answer.expiresAt = expiresAt;
    return answer;
  }

  private remember(key: string, answer: HookAnswer, expiresAt: number): void {
    if (this.cache.size >= MAX_CACHE_ENTRIES) {
      const now = this.now();
      for (const [k, e] of this.cache) if (e.expiresAt <= now) this.cache.delete(k);
      while (this.cache.size >= MAX_CACHE_ENTRIES) {
        const oldest = this.cache.keys().next();
        if (oldest.done === true) break;
        this.cache.delete(oldest.value);
      }
    }
    this.cache.set(key, { answer, expiresAt });
  }
}
