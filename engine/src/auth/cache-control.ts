/**
 * Expiry from `Cache-Control: max-age=N` or `Expires: <HTTP date>` (src: Hasura's Data/Parser/CacheControl.hs
 * `parseMaxAge` and Data/Parser/Expires.hs), used for auth-hook answers and JWKS refresh. `no-cache`/`no-store`
 * mean "expire now".
 */
export function expiryFromCacheHeaders(
  cacheControl: string | undefined,
  expires: string | undefined,
  now: number,
): number | undefined {
  if (cacheControl !== undefined) {
    const directives = cacheControl
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter((d) => d !== '');
    if (directives.includes('no-cache') || directives.includes('no-store')) return now;
    for (const d of directives) {
      const m = /^max-age\s*=\s*"?(\d+)"?$/.exec(d);
      if (m) return now + Number(m[1]) * 1000;
    }
  }
  if (expires !== undefined) {
    const t = Date.parse(expires);
    if (!Number.isNaN(t)) return t;
  }
  return undefined;
}
