/** Hasura's two error encodings (src: server/lib/hasura-base/src/Hasura/Base/Error.hs `encodeQErr`, `encodeGQLErr`). */
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import { QErr, encodeGQErr, encodeQErr, stripInternalFromErrorBody, toQErr } from '../../src/server/qerr.js';

describe('error envelopes', () => {
  const e = new QErr(400, 'validation-failed', 'boom', '$.selectionSet.x', { statement: 'select 1' });

  it('encodeQErr: {path, error, code} (+ internal for admins), keys in Hasura order', () => {
    expect(encodeQErr(e, false)).toBe('{"path":"$.selectionSet.x","error":"boom","code":"validation-failed"}');
    expect(encodeQErr(e, true)).toBe(
      '{"path":"$.selectionSet.x","error":"boom","code":"validation-failed","internal":{"statement":"select 1"}}',
    );
  });

  it('encodeGQErr: {errors: [{extensions: {path, code}, message}]}', () => {
    expect(encodeGQErr(e, false)).toBe(
      '{"errors":[{"extensions":{"path":"$.selectionSet.x","code":"validation-failed"},"message":"boom"}]}',
    );
    expect(JSON.parse(encodeGQErr(e, true))).toEqual({
      errors: [
        {
          extensions: { path: '$.selectionSet.x', code: 'validation-failed', internal: { statement: 'select 1' } },
          message: 'boom',
        },
      ],
    });
  });

  it('converts EngineError and hides unknown errors', () => {
    const q = toQErr(new EngineError('not-found', 'missing session variable: "x-hasura-user-id"', '$', undefined, 400));
    expect([q.status, q.code, q.message]).toEqual([400, 'not-found', 'missing session variable: "x-hasura-user-id"']);
    const u = toQErr(new Error('secret detail'));
    expect([u.status, u.code, u.message]).toEqual([500, 'unexpected', 'Internal Server Error']);
  });

  it('strips extensions.internal from runtime error bodies only', () => {
    const body =
      '{"errors":[{"message":"m","extensions":{"path":"$","code":"unexpected","internal":{"statement":"s"}}}]}';
    expect(JSON.parse(stripInternalFromErrorBody(body))).toEqual({
      errors: [{ message: 'm', extensions: { path: '$', code: 'unexpected' } }],
    });
    const data = '{"data":{"t":[{"internal":1}]}}';
    expect(stripInternalFromErrorBody(data)).toBe(data);
  });
});
