import { describe, expect, it } from 'vitest';
import { parseCasResponse } from '../../src/auth/cas-xml.js';
import { evalsRuleMatches } from '../../src/auth/evals-rule.js';
import { originMatcher } from '../../src/middleware/origins.js';
import { readCookie, sign, unsignSessionCookie } from '../../src/sessions/signed-cookie.js';
import { isLive, ttlSeconds } from '../../src/sessions/session-lifetime.js';

describe('parseCasResponse', () => {
  it('reads user and (repeated) attributes of a CAS 3.0 success, decoding entities', () => {
    const xml = `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>
      <cas:user>ab12</cas:user><cas:attributes><cas:mail>a&amp;b@yale.edu</cas:mail>
      <cas:memberOf>x</cas:memberOf><cas:memberOf>y</cas:memberOf></cas:attributes></cas:authenticationSuccess></cas:serviceResponse>`;
    expect(parseCasResponse(xml)).toEqual({
      ok: true,
      user: 'ab12',
      attributes: { mail: 'a&b@yale.edu', memberOf: ['x', 'y'] },
    });
  });

  it('reads a failure code and rejects unexpected documents', () => {
    expect(
      parseCasResponse(
        '<cas:serviceResponse><cas:authenticationFailure code="INVALID_TICKET">no</cas:authenticationFailure></cas:serviceResponse>',
      ),
    ).toEqual({ ok: false, code: 'INVALID_TICKET' });
    expect(parseCasResponse('<html>login</html>')).toEqual({ ok: false, code: 'INVALID_RESPONSE' });
  });
});

describe('evalsRuleMatches', () => {
  const rules = [
    { kind: 'email-domain' as const, domains: ['yale.edu'] },
    { kind: 'attribute' as const, name: 'affiliation', values: ['student'] },
  ];
  it('matches by email domain (case-insensitive) or attribute value', () => {
    expect(evalsRuleMatches(rules, { email: 'A@YALE.EDU', attributes: {} })).toBe(true);
    expect(evalsRuleMatches(rules, { email: null, attributes: { affiliation: ['staff', 'student'] } })).toBe(true);
    expect(evalsRuleMatches(rules, { email: 'a@notyale.edu', attributes: { affiliation: 'staff' } })).toBe(false);
    expect(evalsRuleMatches(rules, { email: 'a@yale.edu.evil.com', attributes: {} })).toBe(false);
  });
});

describe('originMatcher', () => {
  it('matches exact origins and wildcard subdomains only', () => {
    const m = originMatcher(['https://coursetable.com', 'https://*.coursetable.com']);
    expect(m('https://coursetable.com')).toBe(true);
    expect(m('https://a.b.coursetable.com')).toBe(true);
    expect(m('https://coursetable.com.evil.io')).toBe(false);
    expect(m('http://a.coursetable.com')).toBe(false);
    expect(m('https://evilcoursetable.com')).toBe(false);
  });
});

describe('signed session cookie', () => {
  it('accepts a cookie signed by any configured secret and rejects tampering', () => {
    const secrets = ['new-secret-new-secret-new-secret-1', 'old-secret-old-secret-old-secret-1'];
    expect(unsignSessionCookie(`s:${sign('abc', secrets[1] ?? '')}`, secrets)).toBe('abc');
    expect(unsignSessionCookie(`s:${sign('abc', 'other')}`, secrets)).toBe(false);
    expect(unsignSessionCookie('abc', secrets)).toBe(false);
    expect(readCookie('a=1; coursetable.session=s%3Aabc.def; b=2', 'coursetable.session')).toBe('s:abc.def');
    expect(readCookie('a=1', 'coursetable.session')).toBeUndefined();
  });
});

describe('session cookie tampering', () => {
  const secrets = ['new-secret-new-secret-new-secret-1'];
  const good = `s:${sign('sid-1', secrets[0] ?? '')}`;
  const mac = good.slice(good.lastIndexOf('.') + 1);

  it('refuses a session id swapped under a valid signature', () => {
    expect(unsignSessionCookie(good, secrets)).toBe('sid-1');
    expect(unsignSessionCookie(`s:sid-2.${mac}`, secrets)).toBe(false);
  });

  it('refuses a truncated, extended, re-encoded or missing signature', () => {
    expect(unsignSessionCookie(good.slice(0, -1), secrets)).toBe(false);
    expect(unsignSessionCookie(`${good}A`, secrets)).toBe(false);
    expect(unsignSessionCookie(`${good}=`, secrets)).toBe(false);
    expect(unsignSessionCookie('s:sid-1.', secrets)).toBe(false);
    expect(unsignSessionCookie('s:sid-1', secrets)).toBe(false);
    expect(unsignSessionCookie(`s:.${mac}`, secrets)).toBe(false);
  });

  it('reads the first of two cookies with the same name, as express-session does', () => {
    expect(readCookie(`ct=${encodeURIComponent(good)}; ct=s%3Aevil.x`, 'ct')).toBe(good);
    expect(readCookie('ct="s%3Aq.y"', 'ct')).toBe('s:q.y');
  });
});

describe('session lifetime', () => {
  it('caps the TTL at the absolute lifetime', () => {
    const now = 1_000_000_000;
    expect(ttlSeconds({ createdAt: now }, 3600, 86400, now)).toBe(3600);
    expect(ttlSeconds({ createdAt: now - 86000_000 }, 3600, 86400, now)).toBe(400);
    expect(isLive({ createdAt: now - 86400_000 }, 86400, now)).toBe(false);
  });
});
