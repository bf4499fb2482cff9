/**
 * HS256 JSON Web Tokens for the benchmark's `student` requests: the bench signs one token with a throwaway key, the
 * engine verifies it with `HASURA_GRAPHQL_JWT_SECRET` (Hasura's claims namespace), and the PostGraphile server
 * verifies it with `verifyHs256` below before it sets its Postgres settings. No library: HS256 is one HMAC.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

/** The Hasura claims of a `student` (the only allowed role, so it is also the default one). */
export function studentClaims(userId: number, nowS = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return {
    sub: String(userId),
    iat: nowS,
    exp: nowS + 24 * 3600,
    'https://hasura.io/jwt/claims': {
      'x-hasura-default-role': 'student',
      'x-hasura-allowed-roles': ['student'],
      'x-hasura-user-id': String(userId),
    },
  };
}

export function signHs256(claims: Record<string, unknown>, key: string): string {
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
}

/** The claims of a valid, unexpired HS256 token, or undefined. */
export function verifyHs256(
  token: string,
  key: string,
  nowS = Math.floor(Date.now() / 1000),
): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, sig] = parts as [string, string, string];
  const want = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims['exp'] === 'number' && claims['exp'] <= nowS) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}
