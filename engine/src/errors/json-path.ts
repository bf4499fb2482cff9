/** JSON-path segment helper: `.key` for simple names, `['key']` otherwise, `[n]` for indexes (Hasura's encodeJSONPath). */
export function jsonPathAppend(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}
