/**
 * Known open-redirect bypasses, as the `redirect` value a login route receives (already URL-decoded once by the
 * query parser). None may ever produce a Location off the allowed origins: the check must refuse it or turn it into
 * an on-site URL. Sources: the usual payload lists (PayloadsAllTheThings "Open Redirect", OWASP) and the WHATWG URL
 * parser's quirks (ignored tab/newline, backslash as a slash in special schemes, IDNA dot normalisation).
 */
export const OPEN_REDIRECT_BYPASSES: readonly string[] = [
  // protocol-relative and slash/backslash games
  '//evil.com',
  '///evil.com',
  '////evil.com',
  '//evil.com/%2F..',
  '/\\evil.com',
  '\\/evil.com',
  '\\\\evil.com',
  '/\\/evil.com',
  '\\\\/evil.com',
  '/.//evil.com',
  '/..//evil.com',
  // characters the URL parser drops or trims (the reported /%09/evil.com)
  '/\t/evil.com',
  '/\n/evil.com',
  '/\r/evil.com',
  '/\r\n/evil.com',
  '\t//evil.com',
  '\n//evil.com',
  ' //evil.com',
  '\u0000//evil.com',
  '\u001f//evil.com',
  '\u007f//evil.com',
  '/\t\\evil.com',
  '/ /evil.com',
  '\u00a0//evil.com',
  '/\u3000/evil.com',
  // percent-encoded slashes/backslashes (a double-encoded query value)
  '/%2F%2Fevil.com',
  '/%2f/evil.com',
  '%2F%2Fevil.com',
  '/%5Cevil.com',
  '/%5C%5Cevil.com',
  '/%09/evil.com',
  '%09//evil.com',
  // scheme games
  'https:evil.com',
  'https:/evil.com',
  'https:\\\\evil.com',
  'http:evil.com',
  'http://evil.com',
  'https://evil.com',
  'HTTPS://evil.com',
  'hTtPs://evil.com',
  'https:/\\evil.com',
  'ftp://evil.com',
  'file:///etc/passwd',
  // script and data URLs
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'javascript://%0aalert(1)',
  'javascript://coursetable.test/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  // userinfo and delimiter confusion
  'https://coursetable.test@evil.com',
  'https://coursetable.test:443@evil.com',
  'https://coursetable.test%2F@evil.com',
  'https://evil.com\\@coursetable.test',
  'https://evil.com#@coursetable.test',
  'https://evil.com?@coursetable.test',
  'https://evil.com%2F.coursetable.test',
  'http://localhost:3000@evil.com',
  'https://staging.coursetable.test@evil.com',
  // look-alike and suffix hosts, unicode dots
  'https://coursetable.test.evil.com',
  'https://evilcoursetable.test',
  'https://evil\u3002com',
  'https://evil\uff0ecom',
  'https://evil\uff61com',
  'https://staging.coursetable.test\uff0eevil.com',
  'https://coursetable\u3002test\u3002evil.com',
  '//evil\u3002com',
  '/\t/evil\u3002com',
  // numeric hosts, downgrade
  'http://2130706433/',
  'http://0x7f.1/',
  'https://[::ffff:7f00:1]/',
  'http://coursetable.test/',
  'http://staging.coursetable.test/',
];

/**
 * On-site targets the check must keep (value → expected Location; `{F}` is the frontend origin).
 */
export const SAFE_REDIRECTS: ReadonlyArray<readonly [string, string]> = [
  ['/worksheet', '{F}/worksheet'],
  ['/catalog?season=202403&q=a%20b#top', '{F}/catalog?season=202403&q=a%20b#top'],
  ['https://staging.coursetable.test/x', 'https://staging.coursetable.test/x'],
  ['HTTPS://Staging.CourseTable.TEST/x', 'https://staging.coursetable.test/x'],
];

/**
 * Whether a Location header value, resolved as a browser does (relative to the URL that sent it), lands on one of
 * `allowed` (exact origins, or `https://*.suffix` wildcards). Independent of the code under test.
 */
export function onSite(location: string, sentFrom: URL | string, allowed: readonly string[]): boolean {
  let u: URL;
  try {
    u = new URL(location, sentFrom);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return allowed.some((a) => {
    const star = a.indexOf('*.');
    if (star < 0) return new URL(a).origin === u.origin;
    return u.protocol === a.slice(0, a.indexOf('//')) && u.hostname.endsWith(a.slice(star + 1)) && u.port === '';
  });
}
