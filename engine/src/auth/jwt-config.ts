/**
 * Parse `HASURA_GRAPHQL_JWT_SECRET` like Hasura's `FromJSON JWTConfig` (src: server/src-lib/Hasura/Server/Auth/JWT.hs,
 * docs: auth/authentication/jwt.mdx): `type`+`key` or `jwk_url`; `claims_namespace` (default
 * `https://hasura.io/jwt/claims`) or `claims_namespace_path`; `claims_format`; `claims_map`; `audience`; `issuer`;
 * `allowed_skew`; `header`. Key errors never echo the key.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { ConfigError } from '../config/config-error.js';
import { parseJsonPath, type JsonPath } from './json-path.js';

export type ClaimsMapValue<T> = { kind: 'path'; path: JsonPath; default?: T } | { kind: 'static'; value: T };

export type JwtClaimsConfig =
  | {
      kind: 'namespace';
      ns: { kind: 'key'; key: string } | { kind: 'path'; path: JsonPath };
      format: 'json' | 'stringified_json';
    }
  | {
      kind: 'map';
      allowedRoles: ClaimsMapValue<string[]>;
      defaultRole: ClaimsMapValue<string>;
      other: Map<string, ClaimsMapValue<string>>;
    };

export type JwtHeaderConfig =
  { type: 'Authorization' } | { type: 'Cookie'; name: string } | { type: 'CustomHeader'; name: string };

export type JwtKeyConfig =
  { kind: 'static'; key: KeyObject | Uint8Array; algorithms: string[] } | { kind: 'jwks'; url: string };

export interface JwtConfig {
  key: JwtKeyConfig;
  audience?: string | string[];
  issuer?: string;
  claims: JwtClaimsConfig;
  allowedSkewSeconds?: number;
  header: JwtHeaderConfig;
}

export const DEFAULT_CLAIMS_NAMESPACE = 'https://hasura.io/jwt/claims';

const fail = (msg: string): never => {
  throw new ConfigError(`HASURA_GRAPHQL_JWT_SECRET: ${msg}`);
};

function parseKey(type: unknown, raw: string): JwtKeyConfig {
  if (typeof type !== 'string') return fail('key "type" is required with "key"');
  const hs = /^HS(256|384|512)$/.exec(type);
  if (hs) {
    const bytes = new TextEncoder().encode(raw);
    const min = Number(hs[1]) / 8;
    if (bytes.length < min) fail(`Invalid JWK: Key size too small; should be atleast ${min} characters`);
    return { kind: 'static', key: bytes, algorithms: ['HS256', 'HS384', 'HS512'] };
  }
  const family: Record<string, { keyType: string; algorithms: string[] }> = {
    RS256: { keyType: 'rsa', algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] },
    RS384: { keyType: 'rsa', algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] },
    RS512: { keyType: 'rsa', algorithms: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] },
    ES256: { keyType: 'ec', algorithms: ['ES256', 'ES384', 'ES512'] },
    ES384: { keyType: 'ec', algorithms: ['ES256', 'ES384', 'ES512'] },
    ES512: { keyType: 'ec', algorithms: ['ES256', 'ES384', 'ES512'] },
    Ed25519: { keyType: 'ed25519', algorithms: ['EdDSA', 'Ed25519'] },
  };
  const f = family[type];
  if (f === undefined) return fail(`Invalid JWK: Key type: ${type} is not supported`);
  let key: KeyObject;
  try {
    key = createPublicKey(raw.replace(/\\n/g, '\n'));
  } catch {
    return fail('Invalid JWK: Could not decode PEM (expected a public key or an X.509 certificate)');
  }
  if (key.asymmetricKeyType !== f.keyType) fail(`Invalid JWK: the key is not a ${f.keyType.toUpperCase()} key`);
  return { kind: 'static', key, algorithms: f.algorithms };
}

function parseMapValue<T>(v: unknown, parseStatic: (x: unknown) => T | undefined, what: string): ClaimsMapValue<T> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o['path'] !== 'string') return fail(`claims_map.${what}: "path" must be a string`);
    let path: JsonPath;
    try {
      path = parseJsonPath(o['path']);
    } catch (e) {
      return fail(`claims_map.${what}: invalid JSON path: ${(e as Error).message}`);
    }
    const out: ClaimsMapValue<T> = { kind: 'path', path };
    if (o['default'] !== undefined && o['default'] !== null) {
      const d = parseStatic(o['default']);
      if (d === undefined) return fail(`claims_map.${what}: invalid "default"`);
      out.default = d;
    }
    return out;
  }
  const s = parseStatic(v);
  if (s === undefined) return fail(`claims_map.${what}: invalid value`);
  return { kind: 'static', value: s };
}

const asString = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const asStringList = (x: unknown): string[] | undefined =>
  Array.isArray(x) && x.every((e) => typeof e === 'string') ? x : undefined;

function parseClaimsMap(v: unknown): JwtClaimsConfig {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('claims_map must be an object');
  const obj: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) obj[k.toLowerCase()] = val;
  const ar = obj['x-hasura-allowed-roles'];
  const dr = obj['x-hasura-default-role'];
  if (ar === undefined) fail('claims_map: x-hasura-allowed-roles is expected but not found');
  if (dr === undefined) fail('claims_map: x-hasura-default-role is expected but not found');
  const other = new Map<string, ClaimsMapValue<string>>();
  for (const [k, val] of Object.entries(obj)) {
    if (k === 'x-hasura-allowed-roles' || k === 'x-hasura-default-role') continue;
    if (!k.startsWith('x-hasura-')) continue;
    other.set(k, parseMapValue(val, asString, k));
  }
  return {
    kind: 'map',
    allowedRoles: parseMapValue(ar, asStringList, 'x-hasura-allowed-roles'),
    defaultRole: parseMapValue(dr, asString, 'x-hasura-default-role'),
    other,
  };
}

function parseHeader(v: unknown): JwtHeaderConfig {
  if (v === undefined || v === null) return { type: 'Authorization' };
  if (typeof v !== 'object' || Array.isArray(v)) return fail('header must be an object');
  const o = v as Record<string, unknown>;
  const t = typeof o['type'] === 'string' ? o['type'].toLowerCase() : '';
  if (t === 'authorization') return { type: 'Authorization' };
  if (t === 'cookie' || t === 'customheader') {
    if (typeof o['name'] !== 'string' || o['name'] === '') return fail('header.name is required');
    return t === 'cookie' ? { type: 'Cookie', name: o['name'] } : { type: 'CustomHeader', name: o['name'] };
  }
  return fail("header: expected 'type' is 'Authorization' or 'Cookie' or 'CustomHeader'");
}

export function parseJwtConfig(raw: string): JwtConfig {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return fail('not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail('expected a JSON object');
  const o = v as Record<string, unknown>;

  const rawKey = o['key'];
  const jwkUrl = o['jwk_url'];
  let key: JwtKeyConfig;
  if (rawKey == null && jwkUrl == null) key = fail('key and jwk_url both cannot be empty');
  else if (rawKey != null && jwkUrl != null) key = fail('key, jwk_url both cannot be present');
  else if (rawKey != null) {
    if (typeof rawKey !== 'string') key = fail('"key" must be a string');
    else key = parseKey(o['type'], rawKey);
  } else {
    if (typeof jwkUrl !== 'string') key = fail('"jwk_url" must be a string');
    else {
      try {
        new URL(jwkUrl);
      } catch {
        fail('jwk_url is not a valid URL');
      }
      key = { kind: 'jwks', url: jwkUrl };
    }
  }

  const ns = o['claims_namespace'];
  const nsPath = o['claims_namespace_path'];
  if (ns != null && nsPath != null) fail('claims_namespace and claims_namespace_path both cannot be set');
  const format = o['claims_format'] ?? 'json';
  if (format !== 'json' && format !== 'stringified_json') fail('claims_format must be "json" or "stringified_json"');
  let claims: JwtClaimsConfig;
  if (o['claims_map'] != null) claims = parseClaimsMap(o['claims_map']);
  else if (nsPath != null) {
    if (typeof nsPath !== 'string') claims = fail('claims_namespace_path must be a string');
    else {
      let path: JsonPath;
      try {
        path = parseJsonPath(nsPath);
      } catch (e) {
        path = fail(`invalid JSON path claims_namespace_path error: ${(e as Error).message}`);
      }
      claims = { kind: 'namespace', ns: { kind: 'path', path }, format: format as 'json' | 'stringified_json' };
    }
  } else {
    if (ns != null && typeof ns !== 'string') fail('claims_namespace must be a string');
    claims = {
      kind: 'namespace',
      ns: { kind: 'key', key: typeof ns === 'string' ? ns : DEFAULT_CLAIMS_NAMESPACE },
      format: format as 'json' | 'stringified_json',
    };
  }

  const cfg: JwtConfig = { key, claims, header: parseHeader(o['header']) };
  const aud = o['audience'];
  if (aud != null) {
    if (typeof aud === 'string' || asStringList(aud) !== undefined) cfg.audience = aud as string | string[];
    else fail('audience must be a string or a list of strings');
  }
  const iss = o['issuer'];
  if (iss != null) {
    if (typeof iss !== 'string') fail('issuer must be a string');
    else cfg.issuer = iss;
  }
  const skew = o['allowed_skew'];
  if (skew != null) {
    if (typeof skew !== 'number' || !(skew >= 0)) fail('allowed_skew must be a non-negative number of seconds');
    else cfg.allowedSkewSeconds = skew;
  }
  return cfg;
}
