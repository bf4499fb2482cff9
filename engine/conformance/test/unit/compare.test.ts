import { describe, expect, it } from 'vitest';
import { diffBody, judge } from '../../compare.js';

const req = (query: string, operationName?: string): unknown => ({
  query,
  ...(operationName ? { operationName } : {}),
});
const q = req('query { author { id name info articles { title } } }');

describe('comparator', () => {
  it('passes equal bodies', () => {
    const body = { data: { author: [{ id: 1, name: 'A', info: { b: 1, a: 2 }, articles: [{ title: 't' }] }] } };
    expect(judge({ status: 200, response: body }, { status: 200, body, headers: {} }, q)).toEqual({ verdict: 'pass' });
  });

  it('makes key order significant along the selection set only', () => {
    const exp = { data: { author: [{ id: 1, name: 'A', info: { b: 1, a: 2 }, articles: [] }] } };
    const swappedLeaf = { data: { author: [{ id: 1, name: 'A', info: { a: 2, b: 1 }, articles: [] }] } };
    const swappedField = { data: { author: [{ name: 'A', id: 1, info: { b: 1, a: 2 }, articles: [] }] } };
    expect(diffBody(exp, swappedLeaf, q)).toBeNull();
    expect(diffBody(exp, swappedField, q)).toMatch(/key order/);
  });

  it('follows aliases and fragments', () => {
    const query = req('query { a: author { ...F } } fragment F on author { id ... on author { name } }');
    const exp = { data: { a: [{ id: 1, name: 'x' }] } };
    expect(diffBody(exp, { data: { a: [{ id: 1, name: 'x' }] } }, query)).toBeNull();
    expect(diffBody(exp, { data: { a: [{ name: 'x', id: 1 }] } }, query)).toMatch(/key order/);
  });

  it('compares errors without regard to key order, and top-level keys unordered', () => {
    const exp = { errors: [{ extensions: { path: '$', code: 'x' }, message: 'm' }] };
    const act = { errors: [{ message: 'm', extensions: { code: 'x', path: '$' } }] };
    expect(judge({ status: 200, response: exp }, { status: 200, body: act, headers: {} }, q).verdict).toBe('pass');
  });

  it('gives error-soft when both sides are errors that differ, fail otherwise', () => {
    const exp = { errors: [{ extensions: { path: '$', code: 'x' }, message: 'm' }] };
    const other = { errors: [{ extensions: { path: '$', code: 'y' }, message: 'n' }] };
    expect(judge({ status: 200, response: exp }, { status: 200, body: other, headers: {} }, q).verdict).toBe(
      'error-soft',
    );
    expect(judge({ status: 200, response: exp }, { status: 200, body: { data: {} }, headers: {} }, q).verdict).toBe(
      'fail',
    );
    expect(judge({ status: 200, response: { data: {} } }, { status: 200, body: other, headers: {} }, q).verdict).toBe(
      'fail',
    );
  });

  it('checks the status first and resp_headers as a subset', () => {
    expect(judge({ status: 400 }, { status: 200, body: {}, headers: {} }, q).verdict).toBe('fail');
    const exp = { status: 200, response: { data: {} }, resp_headers: { 'Set-Cookie': 'abcd' } };
    expect(judge(exp, { status: 200, body: { data: {} }, headers: { 'set-cookie': 'abcd', x: 'y' } }, q).verdict).toBe(
      'pass',
    );
    expect(judge(exp, { status: 200, body: { data: {} }, headers: {} }, q).verdict).toBe('fail');
  });

  it('accepts any of allowed_responses and checks only the status without a response', () => {
    const exp = {
      status: 200,
      allowed_responses: [{ response: { data: { a: 1 } } }, { response: { data: { a: 2 } } }],
    };
    expect(judge(exp, { status: 200, body: { data: { a: 2 } }, headers: {} }, q).verdict).toBe('pass');
    expect(judge({ status: 200 }, { status: 200, body: 'anything', headers: {} }, q).verdict).toBe('pass');
  });

  it('treats batched requests as unordered lists of bodies', () => {
    const batch = [req('{ a { x y } }'), req('{ b }')];
    expect(diffBody([{ data: { a: { x: 1, y: 2 } } }], [{ data: { a: { y: 2, x: 1 } } }], batch)).toBeNull();
    expect(diffBody([{ data: { a: 1 } }], [{ data: { a: 1 } }, { data: {} }], batch)).toMatch(/items/);
  });

  it('uses the operation named by operationName', () => {
    const query = req('query A { x { p q } } query B { x { q p } }', 'B');
    expect(diffBody({ data: { x: { q: 1, p: 2 } } }, { data: { x: { q: 1, p: 2 } } }, query)).toBeNull();
    expect(diffBody({ data: { x: { q: 1, p: 2 } } }, { data: { x: { p: 2, q: 1 } } }, query)).toMatch(/key order/);
  });
});
