import { describe, expect, it } from 'vitest';
import { canonical, canonicalTimestamp, compareAnswers, countRows } from '../../equivalence.js';
import { signHs256, studentClaims, verifyHs256 } from '../../jwt.js';

describe('bench equivalence check', () => {
  it('unwraps connections, sorts keys and lists', () => {
    const engine = {
      c: {
        listings: [
          { id: 2, code: 'B' },
          { code: 'A', id: 1 },
        ],
      },
    };
    const postgraphile = {
      c: {
        listings: {
          nodes: [
            { id: 1, code: 'A' },
            { id: 2, code: 'B' },
          ],
        },
      },
    };
    expect(canonical(engine)).toEqual(canonical(postgraphile));
    expect(compareAnswers(engine, postgraphile)).toEqual({ equal: true, rows: 2 });
  });

  it('writes timestamps one way without losing precision', () => {
    expect(canonicalTimestamp('2026-11-23T00:00:00.000000+00:00')).toBe('2026-11-23T00:00:00+00:00');
    expect(canonicalTimestamp('2026-11-23T00:00:00.120+00:00')).toBe('2026-11-23T00:00:00.12+00:00');
    expect(canonicalTimestamp('2026-11-23T00:00:00.123456Z')).toBe('2026-11-23T00:00:00.123456Z');
    expect(canonicalTimestamp('9:25')).toBe('9:25');
  });

  it('reports the first difference: a value, a missing row, an error answer', () => {
    expect(compareAnswers({ a: [{ x: 1 }] }, { a: [{ x: 2 }] }).difference).toBe('$.a[0].x: 1 vs 2');
    expect(compareAnswers({ a: [1, 2] }, { a: [1] }).difference).toBe('$.a: 2 items vs 1');
    expect(compareAnswers({ a: [] }, { error: 'HTTP 500' })).toMatchObject({ equal: false });
  });

  it('counts the rows of the innermost lists', () => {
    expect(countRows({ a: [{ b: [1, 2] }, { b: [3] }], c: [1] })).toBe(4);
    expect(countRows({ one: { x: 1 } })).toBe(0);
  });
});

describe('bench HS256 tokens', () => {
  const key = 'k'.repeat(32);

  it('verifies what it signs, with Hasura claims for the student', () => {
    const claims = verifyHs256(signHs256(studentClaims(7, 1000), key), key, 1001);
    expect(claims?.['https://hasura.io/jwt/claims']).toEqual({
      'x-hasura-default-role': 'student',
      'x-hasura-allowed-roles': ['student'],
      'x-hasura-user-id': '7',
    });
  });

  it('refuses a wrong key, a changed payload and an expired token', () => {
    const token = signHs256(studentClaims(7, 1000), key);
    expect(verifyHs256(token, 'x'.repeat(32), 1001)).toBeUndefined();
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify(studentClaims(8, 1000))).toString('base64url')}.${s}`;
    expect(verifyHs256(forged, key, 1001)).toBeUndefined();
    expect(verifyHs256(token, key, 1000 + 25 * 3600)).toBeUndefined();
  });
});
