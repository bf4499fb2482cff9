/**
 * JWT authentication (src: server/src-lib/Hasura/Server/Auth/JWT.hs `processJwt_`, `processHeaderSimple`,
 * `parseClaimsMap`, `parseHasuraClaims`; docs: auth/authentication/jwt.mdx), verified with `jose`:
 * - the token comes from `Authorization: Bearer <jwt>`, a cookie, or a custom header (`header` config);
 * - no token → the unauthorized role if set, else `Missing 'Authorization' or 'Cookie' header in JWT authentication mode`;
 * - a bad token → `invalid-jwt` `Could not verify JWT: <jose error name as Haskell's jose shows it>`;
 * - the role is `X-Hasura-Role` if in `x-hasura-allowed-roles`, else `x-hasura-default-role`; a role outside the list
 *   → `Your requested role is not in allowed roles` (`access-denied`);
 * - session variables come only from the claims (client `x-hasura-*` headers are ignored).
 */
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { Session } from '../session.js';
import { EngineError } from '../errors.js';
import { expected } from './aeson-errors.js';
import { getHeader, ROLE_HEADER, sessionVariablesFromHeaders, type HeaderList } from './headers.js';
import type { ClaimsMapValue, JwtConfig } from './jwt-config.js';
import { encodeJsonPath, executeJsonPath } from './json-path.js';
import { RemoteJwks } from './jwks.js';
import { mkUserInfo } from './user-info.js';

export interface JwtAnswer {
  session: Session;
  /** Token expiry (epoch ms), for websocket sessions. */
  expiresAt?: number;
}

const REGISTERED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']);
const invalidJwt = (detail: string): EngineError =>
  EngineError.badRequest('invalid-jwt', `Could not verify JWT: ${detail}`);
const invalidClaims = (msg: string): EngineError => EngineError.badRequest('jwt-invalid-claims', msg);

/** Cookie header parsing (RFC 6265 pairs, values optionally quoted). */
function parseCookies(header: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const name = part.slice(0, i).trim();
    let value = part.slice(i + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.push([name, value]);
  }
  return out;
}

/** Haskell jose's `Show JWTError`/`JWSError` rendering of a node-jose failure. */
function joseErrorText(e: unknown, token: string): string {
  if (e instanceof joseErrors.JWTExpired) return 'JWTExpired';
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    switch (e.claim) {
      case 'nbf':
        return 'JWTNotYetValid';
      case 'aud':
        return 'JWTNotInAudience';
      case 'iss':
        return 'JWTNotInIssuer';
      case 'iat':
        return 'JWTIssuedAtFuture';
      default:
        return `JWTClaimsSetDecodeError ${JSON.stringify(e.message)}`;
    }
  }
  if (e instanceof joseErrors.JWSSignatureVerificationFailed) return 'JWSError JWSInvalidSignature';
  if (e instanceof joseErrors.JOSEAlgNotAllowed || e instanceof joseErrors.JWKSNoMatchingKey)
    return 'JWSError NoUsableKeys';
  const parts = token.split('.').length;
  if (parts !== 3) return `JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${parts})`;
  const msg = e instanceof Error ? e.message : 'invalid token';
  return `JWSError (CompactDecodeError ${msg})`;
}

export class JwtAuth {
  private readonly jwks: RemoteJwks | undefined;

  constructor(
    private readonly cfg: JwtConfig,
    private readonly unauthorizedRole: string | undefined,
  ) {
    this.jwks = cfg.key.kind === 'jwks' ? new RemoteJwks(cfg.key.url) : undefined;
  }

  async init(): Promise<void> {
    await this.jwks?.init();
  }

  async resolve(headers: HeaderList): Promise<JwtAnswer> {
    const tokens = this.findTokens(headers);
    if (tokens.length === 0) {
      if (this.unauthorizedRole === undefined) {
        throw EngineError.badRequest(
          'invalid-headers',
          "Missing 'Authorization' or 'Cookie' header in JWT authentication mode",
        );
      }
      return {
        session: mkUserInfo(
          { kind: 'predetermined', role: this.unauthorizedRole },
          'not-sent',
          sessionVariablesFromHeaders(headers),
        ),
      };
    }
    if (tokens.length > 1) throw EngineError.badRequest('invalid-headers', 'Could not verify JWT: Multiple JWTs found');
    const token = tokens[0] as string;
    // Issuer pre-check on the unverified token (upstream `issuerMatch`).
    if (this.cfg.issuer !== undefined) {
      let iss: unknown;
      try {
        iss = decodeJwt(token).iss;
      } catch {
        iss = undefined;
      }
      if (typeof iss === 'string' && iss !== this.cfg.issuer) throw invalidJwt('JWTNotInIssuer');
    }
    const payload = await this.verify(token);
    const claims = this.extractClaims(payload);
    return this.sessionFromClaims(claims, headers, payload.exp);
  }

  private findTokens(headers: HeaderList): string[] {
    const h = this.cfg.header;
    const out: string[] = [];
    for (const [k, v] of headers) {
      const name = k.toLowerCase();
      if (h.type === 'Authorization' && name === 'authorization') {
        const words = v.split(/\s+/).filter((w) => w !== '');
        if (words.length !== 2 || words[0] !== 'Bearer')
          throw EngineError.badRequest('invalid-headers', 'Malformed Authorization header');
        out.push(words[1] as string);
      } else if (h.type === 'Cookie' && name === 'cookie') {
        for (const [cn, cv] of parseCookies(v)) if (cn === h.name) out.push(cv);
      } else if (h.type === 'CustomHeader' && name === h.name.toLowerCase()) {
        out.push(v);
      }
    }
    return out;
  }

  private async verify(token: string): Promise<JWTPayload> {
    const skew = this.cfg.allowedSkewSeconds ?? 0;
    const opts: JWTVerifyOptions = { clockTolerance: skew };
    if (this.cfg.audience !== undefined) opts.audience = this.cfg.audience;
    if (this.cfg.issuer !== undefined) opts.issuer = this.cfg.issuer;
    let payload: JWTPayload;
    try {
      if (this.cfg.key.kind === 'static') {
        opts.algorithms = this.cfg.key.algorithms;
        payload = (await jwtVerify(token, this.cfg.key.key, opts)).payload;
      } else {
        const getKey = await (this.jwks as RemoteJwks).keys();
        payload = (await jwtVerify(token, getKey, opts)).payload;
      }
    } catch (e) {
      throw invalidJwt(joseErrorText(e, token));
    }
    // Haskell jose also rejects tokens issued in the future (`checkIssuedAt`).
    if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + skew)
      throw invalidJwt('JWTIssuedAtFuture');
    return payload;
  }

  /** `parseClaimsMap`: the Hasura claims as a lowercased `x-hasura-*` map of JSON values. */
  private extractClaims(payload: JWTPayload): Map<string, unknown> {
    const claims = this.cfg.claims;
    const out = new Map<string, unknown>();
    if (claims.kind === 'namespace') {
      const unregistered: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(payload)) if (!REGISTERED_CLAIMS.has(k)) unregistered[k] = v;
      const ns = claims.ns;
      const where =
        ns.kind === 'key' ? `claims_namespace ${ns.key}` : `claims_namespace_path ${encodeJsonPath(ns.path)}`;
      let value = ns.kind === 'key' ? unregistered[ns.key] : executeJsonPath(ns.path, unregistered);
      if (value === undefined) {
        throw invalidClaims(
          ns.kind === 'key'
            ? `claims key: '${ns.key}' not found`
            : `claims not found at claims_namespace_path: '${encodeJsonPath(ns.path)}'`,
        );
      }
      if (claims.format === 'stringified_json') {
        if (typeof value !== 'string') throw invalidClaims('expecting a string when claims_format is stringified_json');
        const text = value;
        try {
          value = JSON.parse(text);
        } catch {
          throw invalidClaims(`expecting stringified json at: '${where}', but found: ${text}`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          throw invalidClaims(`expecting stringified json at: '${where}', but found: ${JSON.stringify(value)}`);
        }
      } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw invalidClaims('expecting a json object when claims_format is json');
      }
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const key = k.toLowerCase();
        if (key.startsWith('x-hasura-')) out.set(key, v);
      }
      return out;
    }
    const pick = <T>(m: ClaimsMapValue<T>, name: string, missing: () => EngineError): unknown => {
      if (m.kind === 'static') return m.value;
      const v = executeJsonPath(m.path, payload);
      if (v !== undefined) return v;
      if (m.default !== undefined) return m.default;
      throw missing();
    };
    const missingRole = (name: string) => (): EngineError =>
      EngineError.badRequest('jwt-missing-role-claims', `JWT claim does not contain ${name}`);
    out.set(
      'x-hasura-allowed-roles',
      pick(claims.allowedRoles, 'x-hasura-allowed-roles', missingRole('x-hasura-allowed-roles')),
    );
    out.set(
      'x-hasura-default-role',
      pick(claims.defaultRole, 'x-hasura-default-role', missingRole('x-hasura-default-role')),
    );
    for (const [k, m] of claims.other) {
      out.set(
        k,
        pick(m, k, () => invalidClaims(`JWT claim from claims_map, ${k} not found`)),
      );
    }
    return out;
  }

  private sessionFromClaims(claims: Map<string, unknown>, headers: HeaderList, exp: number | undefined): JwtAnswer {
    const allowed = claims.get('x-hasura-allowed-roles');
    const dflt = claims.get('x-hasura-default-role');
    if (allowed === undefined)
      throw EngineError.badRequest('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-allowed-roles');
    if (dflt === undefined)
      throw EngineError.badRequest('jwt-missing-role-claims', 'JWT claim does not contain x-hasura-default-role');
    if (!Array.isArray(allowed) || !allowed.every((r) => typeof r === 'string' && r !== '')) {
      throw invalidClaims(
        `invalid x-hasura-allowed-roles; should be a list of roles: ${expected('[RoleName]', 'Array', allowed)}`,
      );
    }
    if (typeof dflt !== 'string' || dflt === '') {
      throw invalidClaims(
        `invalid x-hasura-default-role; should be a single role name: ${expected('RoleName', 'String', dflt)}`,
      );
    }
    const requestedHeader = getHeader(headers, ROLE_HEADER);
    const requested = requestedHeader !== undefined && requestedHeader !== '' ? requestedHeader : dflt;
    if (!(allowed as string[]).includes(requested))
      throw EngineError.badRequest('access-denied', 'Your requested role is not in allowed roles');
    const vars = new Map<string, string>();
    for (const [k, v] of claims) {
      if (k === 'x-hasura-allowed-roles' || k === 'x-hasura-default-role') continue;
      if (typeof v !== 'string') throw invalidClaims(`x-hasura-* claims: ${expected('Text', 'String', v)}`);
      vars.set(k, v);
    }
    const session = mkUserInfo({ kind: 'predetermined', role: requested }, 'not-sent', vars);
    return typeof exp === 'number' ? { session, expiresAt: exp * 1000 } : { session };
  }
}
