/** Hasura's two error encodings (src: server/lib/hasura-base/src/Hasura/Base/Error.hs `encodeQErr`, `encodeGQLErr`). */
import { describe, expect, it } from 'vitest';
import {
  EngineError,
  asEngineError,
  encodeApiError,
  encodeGraphQLError,
  showsInternal,
  stripInternal,
  toGraphQLError,
} from '../../src/errors.js';

describe('error envelopes', () => {
  const e = new EngineError('validation-failed', 'boom', '$.selectionSet.x', { statement: 'select 1' });

  it('encodeQErr: {path, error, code} (+ internal for admins), keys in Hasura order', () => {
    expect(encodeApiError(e, false)).toBe('{"path":"$.selectionSet.x","error":"boom","code":"validation-failed"}');
    expect(encodeApiError(e, true)).toBe(
      '{"path":"$.selectionSet.x","error":"boom","code":"validation-failed","internal":{"statement":"select 1"}}',
    );
  });

  it('encodeGQErr: {errors: [{extensions: {path, code}, message}]}', () => {
    expect(encodeGraphQLError(e, false)).toBe(
      '{"errors":[{"extensions":{"path":"$.selectionSet.x","code":"validation-failed"},"message":"boom"}]}',
    );
    expect(JSON.parse(encodeGraphQLError(e, true))).toEqual({
      errors: [
        {
          extensions: { path: '$.selectionSet.x', code: 'validation-failed', internal: { statement: 'select 1' } },
          message: 'boom',
        },
      ],
    });
  });

  it("the runtime's entries put the message first; unknown errors are unexpected", () => {
    expect(JSON.stringify(toGraphQLError(e, false))).toBe(
      '{"message":"boom","extensions":{"path":"$.selectionSet.x","code":"validation-failed"}}',
    );
    expect(toGraphQLError(new Error('secret detail'), true)).toEqual({
      message: 'unexpected error',
      extensions: { path: '$', code: 'unexpected' },
    });
  });

  it('keeps EngineErrors and hides unknown errors', () => {
    const q = asEngineError(new EngineError('not-found', 'missing session variable: "x-hasura-user-id"'));
    expect([q.status, q.code, q.message]).toEqual([400, 'not-found', 'missing session variable: "x-hasura-user-id"']);
    const u = asEngineError(new Error('secret detail'));
    expect([u.status, u.code, u.message]).toEqual([500, 'unexpected', 'Internal Server Error']);
  });

  it('constructors carry Hasura’s statuses; under() prefixes the path', () => {
    expect([EngineError.unauthorized('no').status, EngineError.unauthorized('no').code]).toEqual([
      401,
      'access-denied',
    ]);
    expect(encodeApiError(EngineError.notFound(), false)).toBe(
      '{"path":"$","error":"resource does not exist","code":"not-found"}',
    );
    expect(EngineError.unexpected('x', { a: 1 }).status).toBe(500);
    expect(EngineError.bodyTooLarge().status).toBe(413);
    expect(EngineError.badRequest('parse-failed', 'm', '$.args').under('$.args[2]').path).toBe('$.args[2].args');
  });

  it('shows internal by policy and role, never without a session', () => {
    expect(showsInternal('all', 'user')).toBe(true);
    expect(showsInternal('all', undefined)).toBe(false);
    expect(showsInternal('admin', 'admin')).toBe(true);
    expect(showsInternal('admin', 'user')).toBe(false);
    expect(showsInternal('none', 'admin')).toBe(false);
  });

  it('strips extensions.internal from runtime error bodies only', () => {
    const body =
      '{"errors":[{"message":"m","extensions":{"path":"$","code":"unexpected","internal":{"statement":"s"}}}]}';
    expect(JSON.parse(stripInternal(body))).toEqual({
      errors: [{ message: 'm', extensions: { path: '$', code: 'unexpected' } }],
    });
    const data = '{"data":{"t":[{"internal":1}]}}';
    expect(stripInternal(data)).toBe(data);
  });
});
