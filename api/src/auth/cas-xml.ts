/**
 * The part of a CAS 2.0/3.0 `serviceValidate` response we need (CAS protocol spec §2.5.2, §2.5.4 / p3):
 *
 *   <cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">
 *     <cas:authenticationSuccess>
 *       <cas:user>netid</cas:user>
 *       <cas:attributes><cas:mail>a@b.edu</cas:mail><cas:affiliation>student</cas:affiliation>…</cas:attributes>
 *     </cas:authenticationSuccess>
 *   </cas:serviceResponse>
 *
 * or `<cas:authenticationFailure code="INVALID_TICKET">…`. A deliberately small parser for that fixed shape:
 * namespace prefix agnostic, entities decoded, repeated attributes collected into arrays.
 */
export type CasResult =
  { ok: true; user: string; attributes: Record<string, string | string[]> } | { ok: false; code: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e] ?? m;
    })
    .trim();
}

/** Inner text of the first `<p:name …>…</p:name>` (any prefix) in xml, or undefined. */
function element(xml: string, name: string): { attrs: string; inner: string } | undefined {
  const re = new RegExp(`<(?:[\\w-]+:)?${name}(\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`);
  const m = re.exec(xml);
  return m ? { attrs: m[1] ?? '', inner: m[2] ?? '' } : undefined;
}

export function parseCasResponse(xml: string): CasResult {
  const failure = element(xml, 'authenticationFailure');
  if (failure) return { ok: false, code: /code\s*=\s*"([^"]*)"/.exec(failure.attrs)?.[1] ?? 'UNKNOWN' };
  const success = element(xml, 'authenticationSuccess');
  if (!success) return { ok: false, code: 'INVALID_RESPONSE' };
  const user = element(success.inner, 'user');
  if (!user || !decode(user.inner)) return { ok: false, code: 'INVALID_RESPONSE' };
  const attributes: Record<string, string | string[]> = {};
  const attrs = element(success.inner, 'attributes');
  if (attrs) {
    const re = /<(?:[\w-]+:)?([\w.-]+)(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w-]+:)?\1>/g;
    for (const m of attrs.inner.matchAll(re)) {
      const key = m[1] ?? '';
      const value = decode(m[2] ?? '');
      const prev = attributes[key];
      attributes[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
  }
  return { ok: true, user: decode(user.inner), attributes };
}
