/**
 * Error texts in the shape Haskell's aeson produces, so parse errors read like Hasura's
 * (e.g. `parsing Text failed, expected String, but encountered Number`, paths like `$['x-hasura-user-id']`).
 */
export function jsonTypeName(v: unknown): string {
  if (v === null) return 'Null';
  if (Array.isArray(v)) return 'Array';
  switch (typeof v) {
    case 'string':
      return 'String';
    case 'number':
      return 'Number';
    case 'boolean':
      return 'Boolean';
    default:
      return 'Object';
  }
}

/** aeson's JSONPath rendering of one key (`.key` for identifiers, `['key']` otherwise). */
export function aesonKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `.${key}` : `['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

export function expected(what: string, expectedType: string, v: unknown): string {
  return `parsing ${what} failed, expected ${expectedType}, but encountered ${jsonTypeName(v)}`;
}

/** Message of `eitherDecode` for invalid JSON text, given the `JSON.parse` error (aeson's wording; positions differ). */
export function invalidJsonMessage(text: string, err: unknown): string {
  if (text.trim() === '') return 'Error in $: not enough input';
  const msg = err instanceof Error ? err.message : '';
  if (/Unexpected end of JSON input|Unterminated/.test(msg)) return 'Error in $: not enough input';
  const at = /position (\d+)/.exec(msg);
  const pos = at ? Number(at[1]) : 0;
  const snippet = text.slice(pos, pos + 20).replace(/[^\x20-\x7e]/g, '?');
  return `Error in $: Failed reading: not a valid json value at '${snippet}'`;
}
