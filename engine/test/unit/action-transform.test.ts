import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/errors.js';
import type { InconsistentObject } from '../../src/metadata/types.js';
import { resolveActions } from '../../src/model/resolve-actions.js';
import {
  parseRequestTransform,
  parseResponseTransform,
  templateErrors,
  TransformShapeError,
  validateActionTransforms,
} from '../../src/transforms/transform-metadata.js';
import { applyRequestTransform, applyResponseTransform } from '../../src/transforms/transform.js';

const vars = { 'x-hasura-role': 'user', 'x-hasura-user-id': '42' };
const payload = {
  action: { name: 'mirror' },
  input: { arg: { id: 'some-id', name: 'Alice' } },
  session_variables: vars,
  request_query: 'mutation { mirror }',
};
const request = {
  url: 'http://127.0.0.1:5593/mirror-action?a=1&flag',
  headers: [
    { name: 'Content-Type', value: 'application/json' },
    { name: 'X-Secret', value: 's' },
  ],
  payload,
};

function thrown(f: () => unknown): EngineError {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error('expected an EngineError');
}

describe('transform metadata', () => {
  it('version 1 (default): body is a template string', () => {
    expect(parseRequestTransform({ body: '{{ $body.input }}', template_engine: 'Kriti' })).toEqual({
      version: 1,
      method: null,
      url: null,
      body: { action: 'transform', template: '{{ $body.input }}' },
      queryParams: null,
      headers: null,
    });
  });

  it('version 2: body actions, query params, headers', () => {
    const t = parseRequestTransform({
      version: 2,
      method: 'PUT',
      url: '{{$base_url}}/x',
      body: { action: 'x_www_form_urlencoded', form_template: { a: '{{$body.input.arg.id}}' } },
      query_params: { q: 'v', flag: null },
      request_headers: { add_headers: { 'X-Id': '{{$body.input.arg.id}}' }, remove_headers: ['x-secret'] },
    });
    expect(t.body).toEqual({ action: 'x_www_form_urlencoded', form: [['a', '{{$body.input.arg.id}}']] });
    expect(t.queryParams).toEqual({
      kind: 'pairs',
      pairs: [
        ['q', 'v'],
        ['flag', null],
      ],
    });
    expect(t.headers).toEqual({ add: [['X-Id', '{{$body.input.arg.id}}']], remove: ['x-secret'] });
  });

  it('malformed shapes are refused with Aeson-like messages', () => {
    expect(() => parseRequestTransform({ version: 3 })).toThrow('Error in $.version: expected 1 or 2, encountered 3');
    expect(() => parseRequestTransform({ version: 2, body: { action: 'zip' } })).toThrow(
      'Error in $.body: invalid transform action',
    );
    expect(() => parseRequestTransform({ body: { action: 'transform' } })).toThrow(TransformShapeError);
    expect(() => parseResponseTransform({ template_engine: 'Mustache' })).toThrow(TransformShapeError);
    expect(() => parseResponseTransform('x')).toThrow('expected Object, but encountered String');
  });

  it('template validation reports Kriti parse errors', () => {
    expect(templateErrors(parseRequestTransform({ url: '{{$base_url}}/ok', body: '{"a": {{ $body.x }}' }))).toEqual([
      {
        error_code: 'Parse Error',
        message: 'ParseError: Empty token stream.',
        source_position: { start_line: 0, start_column: 19, end_line: 0, end_column: 19 },
      },
    ]);
    expect(templateErrors(parseResponseTransform({ version: 2, body: { action: 'remove' } }))).toEqual([]);
  });
});

describe('metadata load', () => {
  it('an action with a malformed transform is inconsistent and left out', () => {
    const definition = { kind: 'synchronous' as const, handler: 'http://h', output_type: 'String' };
    const inconsistencies: InconsistentObject[] = [];
    const m = resolveActions(
      {
        version: 3,
        sources: [],
        actions: [
          { name: 'good', definition: { ...definition, response_transform: { body: '{{ $body }}' } } },
          { name: 'bad', definition: { ...definition, request_transform: { version: 2, body: 'not an object' } } },
        ],
      },
      inconsistencies,
    );
    expect(m.actions.map((a) => a.name)).toEqual(['good']);
    expect(m.actions[0]?.responseTransform).toEqual({
      version: 1,
      body: { action: 'transform', template: '{{ $body }}' },
    });
    expect(inconsistencies).toMatchObject([
      {
        type: 'action',
        name: 'action bad',
        reason:
          'Inconsistent object: in action "bad": Error in $.definition.request_transform.body: parsing BodyTransformFn failed, expected Object, but encountered String',
      },
    ]);
  });
});

describe('create_action / update_action checks', () => {
  it('a malformed shape is parse-failed at its JSON path', () => {
    const e = thrown(() => validateActionTransforms({ request_transform: { version: 2, body: { action: 'zip' } } }));
    expect([e.code, e.message, e.path]).toEqual([
      'parse-failed',
      'invalid transform action',
      '$.args.definition.request_transform.body',
    ]);
  });

  it('a template that does not parse is validation-failed, response transform first', () => {
    const e = thrown(() =>
      validateActionTransforms({ request_transform: { body: '{{' }, response_transform: { body: '{"a": }' } }),
    );
    expect([e.code, e.message]).toEqual(['validation-failed', 'response transform validation failed']);
    expect(e.internal).toMatchObject([{ error_code: 'Parse Error', message: "Unexpected token '}'." }]);
    expect(() => validateActionTransforms({ request_transform: { url: '{{$base_url}}/x' } })).not.toThrow();
  });
});

describe('request transform', () => {
  it('body transform; the rest of the request is kept', () => {
    const t = parseRequestTransform({
      version: 2,
      body: {
        action: 'transform',
        template: '{"id": {{ $body.input.arg.name }}, "role": {{ $session_variables["x-hasura-role"] }}}',
      },
    });
    const out = applyRequestTransform(t, request, vars, 30);
    expect(out.request.method).toBe('POST');
    expect(out.request.url).toBe('http://127.0.0.1:5593/mirror-action?a=1&flag');
    expect(JSON.parse(out.request.body ?? '')).toEqual({ id: 'Alice', role: 'user' });
    expect(out.report).toEqual({
      url: 'http://127.0.0.1:5593/mirror-action?a=1&flag',
      method: 'POST',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Secret', 's'],
      ],
      body: out.request.body,
      query_string: '?a=1&flag',
      response_timeout: '30000000',
    });
  });

  it('method, url, query params and headers, all from the original request context', () => {
    const t = parseRequestTransform({
      version: 2,
      method: 'PATCH',
      url: '{{$base_url}}/{{$body.input.arg.id}}',
      query_params: {
        id: '{{$body.input.arg.id}}',
        n: '{{ 5 }}',
        old: '{{ $query_params[0][1] }}',
        base: '{{$base_url}}',
      },
      request_headers: {
        add_headers: { 'X-User': '{{ getSessionVariable("x-hasura-user-id") }}' },
        remove_headers: ['X-SECRET'],
      },
      body: { action: 'remove' },
    });
    const out = applyRequestTransform(t, request, vars, 5);
    // $base_url is the handler as written, query string included, so the path template lands in the query.
    const query = '?id=some-id&n=5&old=1&base=http%3A%2F%2F127.0.0.1%3A5593%2Fmirror-action%3Fa%3D1%26flag';
    expect(out.request).toEqual({
      method: 'PATCH',
      url: `http://127.0.0.1:5593/mirror-action${query}`,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'X-User', value: '42' },
      ],
      body: null,
    });
    expect(out.report).toMatchObject({ body: '', query_string: query, response_timeout: '5000000' });
  });

  it('a URL transform keeps the handler query string unless query_params is given (Hasura sets it last)', () => {
    const t = parseRequestTransform({ url: 'http://other:1/p?dropped=1' });
    expect(applyRequestTransform(t, request, vars, 30).request.url).toBe('http://other:1/p?a=1&flag');
    const plain = { ...request, url: 'http://127.0.0.1:5593/h' };
    const path = parseRequestTransform({ url: '{{$base_url}}/{{$body.input.arg.id}}' });
    expect(applyRequestTransform(path, plain, vars, 30).request.url).toBe('http://127.0.0.1:5593/h/some-id');
  });

  it('x_www_form_urlencoded body', () => {
    const t = parseRequestTransform({
      version: 2,
      body: {
        action: 'x_www_form_urlencoded',
        form_template: { name: '{{$body.input.arg.name}} B', ok: '{{ true }}' },
      },
    });
    expect(applyRequestTransform(t, request, vars, 30).request.body).toBe('name=Alice%20B&ok=true');
  });

  it('failures are "Request Transformation Failed" with the errors in internal', () => {
    const e = thrown(() =>
      applyRequestTransform(parseRequestTransform({ body: '{{ $body.nope }}' }), request, vars, 30),
    );
    expect(e.message).toBe('Request Transformation Failed');
    expect(e.code).toBe('unexpected');
    expect(e.status).toBe(500);
    expect(e.internal).toEqual([
      {
        error_code: 'Invalid Path',
        message: '"nope"',
        source_position: { start_line: 0, start_column: 3, end_line: 0, end_column: 13 },
      },
    ]);
    const bad = parseRequestTransform({ request_headers: { add_headers: { a: '{{ [1] }}', b: '{{ {"x": 1} }}' } } });
    expect(thrown(() => applyRequestTransform(bad, request, vars, 30)).internal).toMatchObject([
      { error_code: 'Type Error', message: "Cannot interpolate type: 'Array'." },
      { error_code: 'Type Error', message: "Cannot interpolate type: 'Object'." },
    ]);
    expect(
      thrown(() => applyRequestTransform(parseRequestTransform({ url: 'not a url' }), request, vars, 30)).internal,
    ).toEqual([{ error_code: 'TransformationError', message: 'Invalid URL: not a url' }]);
  });
});

describe('response transform', () => {
  it('sees $body, $request, $response and $session_variables', () => {
    const t = parseResponseTransform({
      version: 2,
      body: {
        action: 'transform',
        template:
          '{"foo": {{ $body.id }}, "status": {{ $response.status }}, "role": {{ $session_variables["x-hasura-role"] }}, "req": {{ $request }}}',
      },
    });
    expect(JSON.parse(applyResponseTransform(t, { status: 200, body: '{"id": 3}' }, null, vars))).toEqual({
      foo: 3,
      status: 200,
      role: 'user',
      req: null,
    });
  });

  it('version 1 template; a body that is not JSON is null', () => {
    const t = parseResponseTransform({ body: '{{ $body ?? "none" }}' });
    expect(applyResponseTransform(t, { status: 200, body: 'oops' }, null, vars)).toBe('"none"');
    expect(
      applyResponseTransform(
        parseResponseTransform({ version: 2, body: { action: 'remove' } }),
        { status: 200, body: '1' },
        null,
        vars,
      ),
    ).toBe('null');
  });

  it('failures are "Response Transformation Failed"', () => {
    const e = thrown(() =>
      applyResponseTransform(
        parseResponseTransform({ body: '{{ $body.x }}' }),
        { status: 200, body: '{}' },
        null,
        vars,
      ),
    );
    expect(e.message).toBe('Response Transformation Failed');
    expect(e.status).toBe(500);
  });
});
