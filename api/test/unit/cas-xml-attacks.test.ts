/**
 * Attacks on the CAS ticket-validation response (read with fast-xml-parser): entity expansion, external entities,
 * documents that are not well-formed, and text split by comments or CDATA. A refused document logs nobody in.
 */
import { describe, expect, it } from 'vitest';
import { parseCasResponse } from '../../src/auth/cas-xml.js';

const wrap = (inner: string) =>
  `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationSuccess>${inner}` +
  `</cas:authenticationSuccess></cas:serviceResponse>`;
const INVALID = { ok: false, code: 'INVALID_RESPONSE' };

describe('CAS response attacks', () => {
  it('refuses entity expansion (billion laughs) before expanding anything', () => {
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${lol}]>${wrap('<cas:user>&l9;</cas:user>')}`;
    expect(parseCasResponse(xml)).toEqual(INVALID);
  });

  it('refuses an external entity (XXE) instead of reading the file', () => {
    const xml = `<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${wrap('<cas:user>&x;</cas:user>')}`;
    expect(parseCasResponse(xml)).toEqual(INVALID);
  });

  it('refuses a document that is not well-formed (an unclosed success)', () => {
    expect(parseCasResponse('<cas:serviceResponse><cas:authenticationSuccess><cas:user>a</cas:user>')).toEqual(INVALID);
    expect(parseCasResponse(wrap('<cas:user>a</cas:usr>'))).toEqual(INVALID);
    expect(parseCasResponse('not xml <<<')).toEqual(INVALID);
  });

  it('reads the whole user text around a comment or CDATA, not the part before it', () => {
    expect(parseCasResponse(wrap('<cas:user>victim<!-- x -->.evil</cas:user>'))).toMatchObject({ user: 'victim.evil' });
    expect(parseCasResponse(wrap('<cas:user><![CDATA[a<b]]></cas:user>'))).toMatchObject({ user: 'a<b' });
  });

  it('decodes character references and keeps an empty user refused', () => {
    expect(parseCasResponse(wrap('<cas:user>&#x61;&#98;</cas:user>'))).toMatchObject({ ok: true, user: 'ab' });
    expect(parseCasResponse(wrap('<cas:user> </cas:user>'))).toEqual(INVALID);
  });
});
