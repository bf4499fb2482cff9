import { describe, expect, it } from 'vitest';
import type { Json, SerializedKritiError } from '../../src/transforms/kriti.js';
import { KritiError, parseKriti, runKriti, sessionFunctions } from '../../src/transforms/kriti.js';

const body: Json = {
  id: 7,
  name: 'Alice',
  tags: ['a', 'b'],
  nested: { 'my key': 'spaced', list: [{ x: 1 }, { x: 2 }] },
  addresses: [
    { city: 'Paris', country: 'FR', published: true },
    { city: 'Oslo', country: 'NO', published: false },
  ],
};

const run = (src: string, bindings: Record<string, Json> = { $body: body }): Json => runKriti(src, bindings);

function failure(src: string, bindings: Record<string, Json> = { $body: body }): SerializedKritiError {
  try {
    runKriti(src, bindings, sessionFunctions({ 'x-hasura-role': 'user' }));
  } catch (e) {
    if (e instanceof KritiError) return e.serialize();
    throw e;
  }
  throw new Error(`expected ${src} to fail`);
}

describe('Kriti: JSON and values', () => {
  it('plain JSON is a template of itself', () => {
    expect(run('{"a": [1, 2.5, -3], "b": "hello world", "c": {"d": null, "e": true, "f": false}}')).toEqual({
      a: [1, 2.5, -3],
      b: 'hello world',
      c: { d: null, e: true, f: false },
    });
  });

  it('value interpolation and nested objects ending in }}}', () => {
    expect(run('{"id": {{ $body.id }}, "o": {"p": {{ $body.name }}}}')).toEqual({ id: 7, o: { p: 'Alice' } });
    expect(run('{{ {"a": {"b": 1}} }}')).toEqual({ a: { b: 1 } });
  });

  it('a whole template can be one value, with trailing whitespace', () => {
    expect(run('{{ $body.id }}\n')).toBe(7);
    expect(run('{"foo": {{ $body }}}', { $body: 'some-string' })).toEqual({ foo: 'some-string' });
  });

  it('string escapes and comments', () => {
    expect(run('"a\\"b\\n\\u0041" # trailing comment')).toBe('a"b\nA');
  });
});

describe('Kriti: paths', () => {
  it('dot, bracket-string and index lookups', () => {
    expect(run("{{ $body.nested['my key'] }}")).toBe('spaced');
    expect(run('{{ $body.nested.list[1].x }}')).toBe(2);
    expect(run('{{ $body.tags[0] }}')).toBe('a');
  });

  it('a missing key is an Invalid Path error with its position', () => {
    expect(failure('{{ $body.missing }}')).toEqual({
      error_code: 'Invalid Path',
      message: '"missing"',
      source_position: { start_line: 0, start_column: 3, end_line: 0, end_column: 16 },
    });
  });

  it('an unbound variable is an error, `$x?` is null', () => {
    expect(failure('{{ $nope }}').error_code).toBe('Invalid Path');
    expect(run('{{ $nope? }}')).toBeNull();
  });

  it('optional lookups short-circuit the rest of the path', () => {
    expect(run('{{ $body?.missing.deeper.still }}')).toBeNull();
    expect(run('{{ $body.tags?[5] }}')).toBeNull();
    expect(run('{{ $body?.nested?.list[0].x }}')).toBe(1);
  });

  it('index errors: out of range, float, wrong type', () => {
    expect(failure('{{ $body.tags[9] }}').error_code).toBe('Range Error');
    expect(failure('{{ $body.tags[1.5] }}').message).toBe("Unexpected Float '1.5', expected an integer.");
    expect(failure('{{ $body.id.x }}').message).toBe("Unexpected type 'Number' expected an Object or an Array.");
  });
});

describe('Kriti: strings', () => {
  it('interpolates strings, numbers and booleans', () => {
    expect(run('"http://h/{{ $body.name }}/{{ $body.id }}/{{ true }}"')).toBe('http://h/Alice/7/true');
    expect(run('"a { b {{ 1 }}"')).toBe('a { b 1');
  });

  it('refuses to interpolate null, arrays and objects', () => {
    expect(failure('"x{{ $body.tags }}"')).toMatchObject({
      error_code: 'Type Error',
      message: "Cannot interpolate type: 'Array'.",
    });
  });
});

describe('Kriti: control flow', () => {
  it('if / elif / else / end', () => {
    const t = '{{ if $x == 1 }} "one" {{ elif $x == 2 }} "two" {{ else }} "many" {{ end }}';
    expect(run(t, { $x: 1 })).toBe('one');
    expect(run(t, { $x: 2 })).toBe('two');
    expect(run(t, { $x: 3 })).toBe('many');
  });

  it('a non-boolean condition is a Type Error', () => {
    expect(failure('{{ if 1 }} 1 {{ else }} 2 {{ end }}').message).toBe("'1' is not a boolean.");
  });

  it('range yields an array, with index and value binders', () => {
    expect(run('{{ range i, x := $body.tags }} {"i": {{ i }}, "x": {{ x }}} {{ end }}')).toEqual([
      { i: 0, x: 'a' },
      { i: 1, x: 'b' },
    ]);
    expect(run('{{ range _, x := $body.addresses }} {{ x.city }} {{ end }}')).toEqual(['Paris', 'Oslo']);
  });

  it('range with a conditional body (the upstream nested-transform template)', () => {
    const t = `{{ range i, x := $body.addresses }}
      {{ if i > 0 }} {"city": {{ x.city }}} {{ else }} null {{ end }}
    {{ end }}`;
    expect(run(t)).toEqual([null, { city: 'Oslo' }]);
  });

  it('ranging over a non-array is a Range Error', () => {
    expect(failure('{{ range _, x := $body.id }} 1 {{ end }}')).toMatchObject({
      error_code: 'Range Error',
      message: 'Can only range over an array',
    });
  });
});

describe('Kriti: operators', () => {
  it('comparisons, including across types (Aeson Value order)', () => {
    expect(run('[{{ 1 < 2 }}, {{ 2 >= 2 }}, {{ "b" > "a" }}, {{ 1 != 1 }}, {{ {"a": [1]} == {"a": [1]} }}]')).toEqual([
      true,
      true,
      true,
      false,
      true,
    ]);
    expect(run('[{{ "a" < 1 }}, {{ null > true }}, {{ [1] < "x" }}]')).toEqual([true, true, true]);
  });

  it('&& and || need booleans on both sides', () => {
    expect(run('{{ true && (false || true) }}')).toBe(true);
    expect(run('{{ $body.id > 1 && $body.name == "Alice" }}')).toBe(true);
    expect(failure('{{ true && 1 }}').message).toBe("'1' is not a boolean.");
  });

  it('in, for object keys and array elements', () => {
    expect(run('[{{ "id" in $body }}, {{ "a" in $body.tags }}, {{ "z" in $body.tags }}]')).toEqual([true, true, false]);
    expect(failure('{{ 1 in "abc" }}').error_code).toBe('Type Error');
  });

  it('?? replaces null', () => {
    expect(run('{{ $body?.missing ?? "default" }}')).toBe('default');
    expect(run('{{ $body.id ?? 0 }}')).toBe(7);
  });
});

describe('Kriti: functions', () => {
  it('not, empty, size, inverse, head, tail', () => {
    expect(
      run(
        '[{{ not true }}, {{ empty([]) }}, {{ empty("  ") }}, {{ empty({"a": 1}) }}, {{ size("asdf") }}, {{ size($body.tags) }}]',
      ),
    ).toEqual([false, true, true, false, 4, 2]);
    expect(run('[{{ inverse([1,2,3]) }}, {{ inverse("abc") }}, {{ inverse(4) }}, {{ inverse(false) }}]')).toEqual([
      [3, 2, 1],
      'cba',
      0.25,
      true,
    ]);
    expect(run('[{{ head($body.tags) }}, {{ head("xyz") }}, {{ tail([1,2,3]) }}, {{ tail("xyz") }}]')).toEqual([
      'a',
      'x',
      [2, 3],
      'yz',
    ]);
  });

  it('case functions', () => {
    expect(
      run('[{{ toLower("AbC") }}, {{ toUpper("AbC") }}, {{ toTitle("hello wORLD") }}, {{ toCaseFold("Straße") }}]'),
    ).toEqual(['abc', 'ABC', 'Hello World', 'strasse']);
  });

  it('fromPairs, toPairs, removeNulls, concat', () => {
    expect(run('{{ fromPairs([["a", 1], ["b", 2]]) }}')).toEqual({ a: 1, b: 2 });
    expect(run('{{ toPairs({"a": 1, "b": 2}) }}')).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(run('{{ removeNulls([1, null, 3]) }}')).toEqual([1, 3]);
    expect(
      run('[{{ concat([[1,2],[3]]) }}, {{ concat(["ab", "c"]) }}, {{ concat([{"a": 1, "b": 2}, {"b": 3}]) }}]'),
    ).toEqual([[1, 2, 3], 'abc', { a: 1, b: 3 }]);
  });

  it('escapeUri keeps only unreserved characters', () => {
    expect(run('{{ escapeUri("a b/c?d=é!") }}')).toBe('a%20b%2Fc%3Fd%3D%C3%A9%21');
  });

  it('application by juxtaposition binds to the following path', () => {
    expect(run('{{ toUpper $body.name }}')).toBe('ALICE');
    expect(run('"{{ toUpper($body.name) }}!"')).toBe('ALICE!');
  });

  it('getSessionVariable is case-insensitive and fails on unknown names', () => {
    const vars = { 'x-hasura-user-id': '42' };
    expect(runKriti('{{ getSessionVariable("X-Hasura-User-Id") }}', {}, sessionFunctions(vars))).toBe('42');
    expect(runKriti('{{ getSessionVariable(null) }}', {}, sessionFunctions(vars))).toBeNull();
    expect(failure('{{ getSessionVariable("x-hasura-org") }}')).toMatchObject({
      error_code: 'Function Error',
      message: 'Session variable "x-hasura-org" not found',
    });
  });

  it('function errors and unknown functions', () => {
    expect(failure('{{ head([]) }}')).toMatchObject({ error_code: 'Function Error', message: 'Empty array' });
    expect(failure('{{ nosuch(1) }}')).toMatchObject({
      error_code: 'Function Error',
      message: 'Ap nosuch is not defined.',
    });
    expect(failure('{{ constructor(1) }}').error_code).toBe('Function Error');
  });
});

describe('Kriti: parse errors', () => {
  it('reports the unexpected token and where it is', () => {
    expect(() => parseKriti('{"a": }')).toThrow(KritiError);
    expect(failure('{"a": 1,, "b": 2}')).toEqual({
      error_code: 'Parse Error',
      message: "Unexpected token ','.",
      source_position: { start_line: 0, start_column: 8, end_line: 0, end_column: 9 },
    });
  });

  it('an unterminated template is an error at the end of input', () => {
    expect(failure('{\n  "x": {{ $body.id')).toMatchObject({
      error_code: 'Parse Error',
      source_position: { start_line: 1, start_column: 18 },
    });
  });

  it('if without end, stray tokens, bad lexemes', () => {
    expect(failure('{{ if true }} 1 {{ else }} 2').error_code).toBe('Parse Error');
    expect(failure('1 2 )').error_code).toBe('Parse Error');
    expect(failure('{{ $body.id @ }}').error_code).toBe('Parse Error');
  });
});
