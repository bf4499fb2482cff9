/**
 * The API's configuration: the ONLY module that reads `process.env`.
 *
 * Every key is documented in {@link CONFIG_KEYS}; `loadConfig()` parses them with zod once at start and throws a
 * single error listing every missing or invalid key (fail fast). The result is a frozen, camelCase `Config` object;
 * tests build one with `parseConfig({...})` instead of touching the environment.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** argon2 is pure CPU: running one per core would starve the event loop (health probes, the webhook) in a login burst. */
const DEFAULT_HASH_CONCURRENCY = Math.max(1, availableParallelism() - 1);

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

const bool = (def: boolean) => z.stringbool().default(def);
const seconds = (def: number) => z.coerce.number().int().positive().default(def);
/** `points/seconds`, e.g. `10/900` = 10 attempts per 15 minutes. */
const rate = (def: string) =>
  z
    .string()
    .default(def)
    .pipe(z.string().regex(/^\d+\/\d+$/, 'expected <points>/<seconds>, e.g. 10/900'))
    .transform((s) => {
      const [points, duration] = s.split('/').map(Number);
      return { points: points ?? 0, duration: duration ?? 0 };
    });
const url = z.url({ protocol: /^https?$/ });
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), url.optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

/** The From address used while mail is off (no SMTP_URL): mails are then dropped, so it is never seen. */
export const DEFAULT_MAIL_FROM = 'CourseTable <no-reply@coursetable.local>';
const ADDR = String.raw`[^\s@<>"(),;:\\\[\]]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*`;
/**
 * `Name <addr>` (the name optionally quoted) or a bare `addr`. No control character can pass, so the value cannot
 * smuggle header lines (`\r\nBcc: …`) into the mails.
 */
const MAILBOX = new RegExp(String.raw`^(?:(?:"[^"\\\r\n]*"|[^<>"\r\n]*[^<>"\s])\s*<${ADDR}>|${ADDR})$`);

/** Env variable → zod schema, with its documentation. The single source for `docs/` and `.env.example`. */
export const CONFIG_KEYS = {
  NODE_ENV: { schema: z.enum(['development', 'production', 'test']).default('development'), doc: 'Runtime mode.' },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    doc: 'pino log level.',
  },
  API_HOST: { schema: z.string().default('0.0.0.0'), doc: 'Interface the HTTP server binds to.' },
  API_PORT: { schema: z.coerce.number().int().min(0).max(65535).default(4000), doc: 'HTTP port (0 = any free port).' },
  METRICS_HOST: {
    schema: z.string().optional(),
    doc: 'Interface of the Prometheus metrics listener (GET /metrics); default API_HOST. Never routed by Traefik.',
  },
  METRICS_PORT: {
    schema: z.coerce.number().int().min(0).max(65535).default(0),
    doc: 'Port of the Prometheus metrics listener, apart from the public port; 0 = no listener.',
  },
  API_PUBLIC_URL: {
    schema: url,
    doc: 'Public base URL of this API (CAS service and OIDC redirect URLs are built from it). A plain-http localhost URL turns off the secure cookie flag.',
  },
  API_BASE_URL: {
    schema: optionalUrl,
    doc: 'Base URL under which the GraphQL engine reaches this API (used in the actions metadata as {{API_BASE_URL}}); informational here.',
  },
  FRONTEND_URL: {
    schema: url,
    doc: 'The frontend origin; default post-login redirect and base of password-reset links.',
  },
  ALLOWED_REDIRECT_ORIGINS: {
    schema: csv,
    doc: 'Extra origins (comma-separated, `https://*.example.com` wildcards allowed) that post-login `redirect=` may point to. FRONTEND_URL is always allowed.',
  },
  CORS_ORIGINS: {
    schema: csv,
    doc: 'Origins (comma-separated, wildcards as above) allowed to call the API with credentials. FRONTEND_URL is always allowed.',
  },
  TRUST_PROXY: {
    schema: z.string().default('loopback'),
    doc: 'Express `trust proxy` setting (`loopback`, a hop count, or a subnet list).',
  },
  DATABASE_URL: {
    schema: z.string().min(1),
    doc: 'Postgres URL for role ct_api, through pgbouncer (transaction pooling).',
  },
  DATABASE_POOL_MAX: { schema: z.coerce.number().int().positive().default(10), doc: 'Max pg pool connections.' },
  REDIS_URL: { schema: z.string().min(1), doc: 'Redis URL (sessions, rate limits, queues).' },
  REDIS_KEY_PREFIX: { schema: z.string().default('ct:'), doc: 'Prefix of every Redis key the API writes.' },
  REDIS_COMMAND_TIMEOUT_MS: {
    schema: z.coerce.number().int().positive().default(500),
    doc: 'A Redis command that takes longer fails (session routes then answer 503).',
  },
  SESSION_SECRET: {
    schema: csv.pipe(z.array(z.string().min(32, 'each session secret needs at least 32 characters')).min(1)),
    doc: 'Cookie signing secret(s), comma-separated; the first signs, all verify (rotation).',
  },
  SESSION_COOKIE_NAME: {
    schema: z
      .string()
      .regex(/^[\w-]+$/)
      .default('coursetable.session'),
    doc: 'Session cookie name. With secure cookies (production) it is sent as `__Host-<name>` (Secure, Path=/, no Domain: a sibling subdomain cannot set or shadow it); plain-http local runs use the bare name.',
  },
  SESSION_COOKIE_SECURE: {
    schema: z.enum(['auto', 'true', 'false']).default('auto'),
    doc: '`auto`: secure unless API_PUBLIC_URL is plain http on localhost/127.0.0.1.',
  },
  SESSION_IDLE_TIMEOUT_S: { schema: seconds(7 * 86400), doc: 'Rolling idle timeout of a session (seconds).' },
  SESSION_ABSOLUTE_LIFETIME_S: {
    schema: seconds(30 * 86400),
    doc: 'Absolute lifetime of a session from login (seconds).',
  },
  AUTH_CONCEAL_ERRORS: {
    schema: bool(true),
    doc: 'Answer `sensitive` errors (those revealing whether an account exists) as a generic invalid-request.',
  },
  HASURA_ACTION_SECRET: {
    schema: z.string().min(32),
    doc: 'Shared secret Hasura sends in `x-hasura-action-secret` to the action handlers.',
  },
  WEBHOOK_CACHE_MAX_AGE_S: {
    schema: z.coerce.number().int().min(0).default(5),
    doc: 'Cache-Control max-age of auth webhook answers.',
  },
  GRAPHQL_URL: {
    schema: optionalUrl,
    doc: 'GraphQL engine endpoint (…/v1/graphql); health check and catalog generation.',
  },
  GRAPHQL_ADMIN_SECRET: { schema: optionalString, doc: 'Admin secret for the API’s own GraphQL queries (catalog).' },
  ADMIN_SECRET: {
    schema: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32).optional()),
    doc: 'Secret header `x-admin-secret` for admin routes (grant/revoke evaluation access). Unset = admin routes off.',
  },
  CAS_BASE_URL: { schema: optionalUrl, doc: 'CAS server base URL (…/cas). Unset = CAS login off.' },
  CAS_VERSION: {
    schema: z.enum(['2.0', '3.0']).default('3.0'),
    doc: 'CAS protocol: 2.0 (/serviceValidate) or 3.0 (/p3/serviceValidate).',
  },
  OIDC_ISSUER: { schema: optionalUrl, doc: 'OpenID Connect issuer URL. Unset = OIDC login off.' },
  OIDC_CLIENT_ID: { schema: optionalString, doc: 'OIDC client id.' },
  OIDC_CLIENT_SECRET: {
    schema: optionalString,
    doc: 'OIDC client secret (client_secret_basic); unset = public client (PKCE only).',
  },
  OIDC_SCOPES: { schema: z.string().default('openid email profile'), doc: 'OIDC scopes requested.' },
  OIDC_ALLOW_INSECURE_HTTP: {
    schema: bool(false),
    doc: 'Allow an http:// issuer (local tests only; refused in production).',
  },
  SMTP_URL: {
    schema: optionalString,
    doc: 'nodemailer SMTP URL (smtp://user:pass@host:port). Unset = mails are logged as dropped.',
  },
  MAIL_FROM: {
    schema: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z
        .string()
        .trim()
        .regex(MAILBOX, 'expected an address: `Name <addr@example.edu>` or `addr@example.edu`')
        .optional(),
    ),
    doc: `From address of mails, \`Name <addr>\` or \`addr\`. Required when SMTP_URL is set; without SMTP_URL (mails dropped) it defaults to \`${DEFAULT_MAIL_FROM}\`.`,
  },
  PASSWORD_RESET_TTL_S: { schema: seconds(3600), doc: 'Lifetime of a password-reset token (seconds).' },
  EMAIL_VERIFY_TTL_S: {
    schema: seconds(86400),
    doc: 'Lifetime of the e-mail verification link mailed at sign-up (seconds). Only a verified account is joined to a CAS/OIDC login with the same address.',
  },
  EVALS_RULES: {
    schema: z.string().default(''),
    doc: 'Rules granting evaluation access at login, `;`-separated: `email-domain:yale.edu,med.yale.edu` and/or `attribute:<name>=<v1>|<v2>` (CAS attribute or OIDC claim).',
  },
  RATE_LIMIT_LOGIN: { schema: rate('10/900'), doc: 'Login attempts per IP+account: points/seconds.' },
  RATE_LIMIT_LOGIN_IP: {
    schema: rate('50/900'),
    doc: 'Failed password logins per client IP, across all accounts (password spraying): points/seconds. Successful logins do not count.',
  },
  RATE_LIMIT_LOGIN_ACCOUNT: {
    schema: rate('20/3600'),
    doc: 'Failed password logins per account, across all IPs (distributed guessing): points/seconds. Successful logins do not count.',
  },
  PASSWORD_HASH_CONCURRENCY: {
    schema: z.coerce.number().int().positive().default(DEFAULT_HASH_CONCURRENCY),
    doc: 'argon2 hashes/verifications running at once per API process (each takes ~19 MiB and a libuv thread). Default: one less than the CPUs (at least 1), so a burst of logins leaves a core to the event loop.',
  },
  PASSWORD_HASH_QUEUE: {
    schema: z.coerce.number().int().min(0).default(32),
    doc: 'argon2 jobs waiting beyond PASSWORD_HASH_CONCURRENCY; when full, logins/sign-ups/resets answer 503 with Retry-After.',
  },
  RATE_LIMIT_RESET: { schema: rate('5/3600'), doc: 'Password-reset requests per IP: points/seconds.' },
  RATE_LIMIT_ACTIONS: { schema: rate('120/60'), doc: 'Hasura action calls per user: points/seconds.' },
  CATALOG_DIR: { schema: z.string().default('./static/catalogs'), doc: 'Directory of generated static catalogs.' },
  CATALOG_REFRESH_SECRET: {
    schema: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16).optional()),
    doc: 'Secret header `x-catalog-refresh-secret` for POST /api/catalog/refresh. Unset = refresh route off.',
  },
  WORKER_HEARTBEAT_FILE: {
    schema: optionalString,
    doc: 'The worker touches this file every 5 s while it can reach Redis (its container healthcheck reads the age). Unset = no heartbeat.',
  },
  SHUTDOWN_GRACE_MS: {
    schema: z.coerce.number().int().positive().default(10_000),
    doc: 'Max time to drain requests on SIGTERM.',
  },
} as const;

type Keys = typeof CONFIG_KEYS;
type Raw = { [K in keyof Keys]: z.output<Keys[K]['schema']> };

const envSchema = z.object(
  Object.fromEntries(Object.entries(CONFIG_KEYS).map(([k, v]) => [k, v.schema])) as {
    [K in keyof Keys]: Keys[K]['schema'];
  },
);

export interface RateRule {
  points: number;
  duration: number;
}
export type EvalsRule =
  { kind: 'email-domain'; domains: string[] } | { kind: 'attribute'; name: string; values: string[] };

export interface Config {
  env: 'development' | 'production' | 'test';
  logLevel: Raw['LOG_LEVEL'];
  host: string;
  port: number;
  /** the Prometheus listener; port 0 = none */
  metrics: { host: string; port: number };
  publicUrl: URL;
  frontendUrl: URL;
  redirectOrigins: string[];
  corsOrigins: string[];
  trustProxy: string | number;
  databaseUrl: string;
  databasePoolMax: number;
  redisUrl: string;
  redisPrefix: string;
  redisCommandTimeoutMs: number;
  session: {
    secrets: string[];
    cookieName: string;
    secure: boolean;
    idleTimeoutS: number;
    absoluteLifetimeS: number;
  };
  concealSensitiveErrors: boolean;
  hasuraActionSecret: string;
  webhookMaxAgeS: number;
  graphqlUrl: string | undefined;
  graphqlAdminSecret: string | undefined;
  adminSecret: string | undefined;
  cas: { baseUrl: string; version: '2.0' | '3.0' } | undefined;
  oidc:
    | { issuer: string; clientId: string; clientSecret: string | undefined; scopes: string; allowInsecure: boolean }
    | undefined;
  mail: { smtpUrl: string | undefined; from: string };
  passwordResetTtlS: number;
  emailVerifyTtlS: number;
  evalsRules: EvalsRule[];
  rateLimits: { login: RateRule; loginIp: RateRule; loginAccount: RateRule; reset: RateRule; actions: RateRule };
  passwordHash: { concurrency: number; queue: number };
  catalog: { dir: string; refreshSecret: string | undefined };
  workerHeartbeatFile: string | undefined;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * The markers `.env.example` puts in every value an operator must replace (`change-me…`, `replace-with…`). One rule,
 * exported so that the other places refusing them (db/pgbouncer/entrypoint.sh, db/init/03-passwords.sh,
 * traefik/docker-entrypoint.sh: `grep -qiE 'change-me|replace-with'`) can be tested against the same list.
 */
export const PLACEHOLDER_MARKERS = ['change-me', 'replace-with'] as const;
const PLACEHOLDER = new RegExp(PLACEHOLDER_MARKERS.join('|'), 'i');

/**
 * Whether a value still carries a placeholder marker of `.env.example`, anywhere in it: a bare secret, or part of a
 * composed value such as the password inside DATABASE_URL. Percent-encoded URL parts are decoded first.
 */
export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER.test(value)) return true;
  if (!value.includes('%')) return false;
  try {
    return PLACEHOLDER.test(decodeURIComponent(value));
  } catch {
    return false; // not valid percent-encoding: nothing more to decode
  }
}

/**
 * In production, every configured key whose value is still a placeholder. The issue names the key only: the value
 * may be a real secret that merely contains a marker, and it must not reach the logs.
 */
function placeholderIssues(env: Record<string, string | undefined>): string[] {
  if (env['NODE_ENV'] !== 'production') return [];
  return Object.keys(CONFIG_KEYS)
    .filter((key) => {
      const value = env[key];
      return value !== undefined && isPlaceholder(value);
    })
    .map((key) => `${key}: still the placeholder of .env.example; set a real value (refused in production)`);
}

export function parseEvalsRules(text: string): EvalsRule[] {
  const rules: EvalsRule[] = [];
  for (const part of text
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const idx = part.indexOf(':');
    const kind = part.slice(0, idx).trim();
    const body = part.slice(idx + 1).trim();
    if (idx < 0 || !body) throw new ConfigError([`EVALS_RULES: cannot parse "${part}"`]);
    if (kind === 'email-domain') {
      rules.push({
        kind,
        domains: body
          .split(',')
          .map((d) => d.trim().toLowerCase())
          .filter(Boolean),
      });
    } else if (kind === 'attribute') {
      const eq = body.indexOf('=');
      if (eq <= 0) throw new ConfigError([`EVALS_RULES: attribute rule needs <name>=<values>: "${part}"`]);
      rules.push({
        kind,
        name: body.slice(0, eq).trim(),
        values: body
          .slice(eq + 1)
          .split('|')
          .map((v) => v.trim())
          .filter(Boolean),
      });
    } else {
      throw new ConfigError([`EVALS_RULES: unknown rule kind "${kind}"`]);
    }
  }
  return rules;
}

/** `__Host-<name>` with secure cookies (the prefix binds the cookie to this host, Secure, Path=/), else `<name>`. */
function sessionCookieName(name: string, secure: boolean): string {
  return secure && !/^__host-/i.test(name) ? `__Host-${name}` : name;
}

function isLocalHttp(u: URL): boolean {
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/** Parse an environment-like record into a frozen Config; throws ConfigError listing every problem. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  // An empty value is an unset one: docker-compose.yml passes every key as `${KEY:-}`, which is '' when not set.
  const env = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const placeholders = placeholderIssues(env);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError([...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), ...placeholders]);
  }
  const e = parsed.data;
  const issues: string[] = [...placeholders];
  if (e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) issues.push('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  // A made-up default sender would be rejected or spam-filtered by a real SMTP relay: make the operator choose one.
  if (e.SMTP_URL && !e.MAIL_FROM) issues.push('MAIL_FROM: required when SMTP_URL is set');
  const publicUrl = new URL(e.API_PUBLIC_URL);
  const frontendUrl = new URL(e.FRONTEND_URL);
  const secure = e.SESSION_COOKIE_SECURE === 'auto' ? !isLocalHttp(publicUrl) : e.SESSION_COOKIE_SECURE === 'true';
  if (e.NODE_ENV === 'production' && !secure) issues.push('SESSION_COOKIE_SECURE: must be secure in production');
  if (!secure && /^__(host|secure)-/i.test(e.SESSION_COOKIE_NAME)) {
    issues.push('SESSION_COOKIE_NAME: a __Host-/__Secure- cookie needs secure cookies (browsers drop it otherwise)');
  }
  if (e.NODE_ENV === 'production' && e.OIDC_ALLOW_INSECURE_HTTP) {
    issues.push('OIDC_ALLOW_INSECURE_HTTP: refused in production (use an https:// OIDC_ISSUER)');
  }
  if (e.SESSION_ABSOLUTE_LIFETIME_S < e.SESSION_IDLE_TIMEOUT_S) {
    issues.push('SESSION_ABSOLUTE_LIFETIME_S: must be >= SESSION_IDLE_TIMEOUT_S');
  }
  let evalsRules: EvalsRule[] = [];
  try {
    evalsRules = parseEvalsRules(e.EVALS_RULES);
  } catch (err) {
    if (err instanceof ConfigError) issues.push(...err.issues);
    else throw err;
  }
  if (issues.length) throw new ConfigError(issues);
  const trustProxy = /^\d+$/.test(e.TRUST_PROXY) ? Number(e.TRUST_PROXY) : e.TRUST_PROXY;

  const config: Config = {
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    host: e.API_HOST,
    port: e.API_PORT,
    metrics: { host: e.METRICS_HOST ?? e.API_HOST, port: e.METRICS_PORT },
    publicUrl,
    frontendUrl,
    redirectOrigins: [frontendUrl.origin, ...e.ALLOWED_REDIRECT_ORIGINS],
    corsOrigins: [frontendUrl.origin, ...e.CORS_ORIGINS],
    trustProxy,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_KEY_PREFIX,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    session: {
      secrets: e.SESSION_SECRET,
      cookieName: sessionCookieName(e.SESSION_COOKIE_NAME, secure),
      secure,
      idleTimeoutS: e.SESSION_IDLE_TIMEOUT_S,
      absoluteLifetimeS: e.SESSION_ABSOLUTE_LIFETIME_S,
    },
    concealSensitiveErrors: e.AUTH_CONCEAL_ERRORS,
    hasuraActionSecret: e.HASURA_ACTION_SECRET,
    webhookMaxAgeS: e.WEBHOOK_CACHE_MAX_AGE_S,
    graphqlUrl: e.GRAPHQL_URL,
    graphqlAdminSecret: e.GRAPHQL_ADMIN_SECRET,
    adminSecret: e.ADMIN_SECRET,
    cas: e.CAS_BASE_URL ? { baseUrl: e.CAS_BASE_URL.replace(/\/+$/, ''), version: e.CAS_VERSION } : undefined,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            scopes: e.OIDC_SCOPES,
            allowInsecure: e.OIDC_ALLOW_INSECURE_HTTP,
          }
        : undefined,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM ?? DEFAULT_MAIL_FROM },
    passwordResetTtlS: e.PASSWORD_RESET_TTL_S,
    emailVerifyTtlS: e.EMAIL_VERIFY_TTL_S,
    evalsRules,
    rateLimits: {
      login: e.RATE_LIMIT_LOGIN,
      loginIp: e.RATE_LIMIT_LOGIN_IP,
      loginAccount: e.RATE_LIMIT_LOGIN_ACCOUNT,
      reset: e.RATE_LIMIT_RESET,
      actions: e.RATE_LIMIT_ACTIONS,
    },
    passwordHash: { concurrency: e.PASSWORD_HASH_CONCURRENCY, queue: e.PASSWORD_HASH_QUEUE },
    catalog: { dir: e.CATALOG_DIR, refreshSecret: e.CATALOG_REFRESH_SECRET },
    workerHeartbeatFile: e.WORKER_HEARTBEAT_FILE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
  return deepFreeze(config);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !(o instanceof URL)) {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/** Read the process environment once, at start. */
export function loadConfig(): Config {
  return parseConfig(process.env);
}
