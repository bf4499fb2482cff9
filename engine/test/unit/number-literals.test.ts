import { describe, expect, it } from 'vitest';
import { aesonNumberText } from '../../src/plan/coerce-input.js';
import { binaryNumericText } from '../../src/server/query-api.js';

describe('aesonNumberText (how Hasura hands a GraphQL number literal to Postgres)', () => {
  it.each([
    ['-1E-30', '-1.0e-30'],
    ['-3E-4', '-3.0e-4'],
    ['1.25e-1', '0.125'],
    ['1.5E2', '150'],
    ['1e7', '10000000'],
    ['12e-1', '1.2'],
    ['123456789e-1', '1.23456789e7'],
    ['0.0e0', '0.0'],
  ])('%s → %s', (literal, text) => {
    expect(aesonNumberText(literal)).toBe(text);
  });
});

describe('binaryNumericText (scale of a numeric sent in binary by the legacy insert)', () => {
  it.each([
    [12345.67, '12345.6700'],
    [1.234, '1.2340'],
    [123.45678, '123.45678000'],
    [7, '7'],
    [-0.5, '-0.5000'],
    [1e-7, '1e-7'],
  ])('%s → %s', (n, text) => {
    expect(binaryNumericText(n)).toBe(text);
  });
});
