/**
 * The small JSONPath dialect Hasura accepts for `claims_namespace_path` and `claims_map` paths
 * (src: Hasura's Data/Parser/JSONPath.hs `parseJSONPath`): `$`, `.key`, `['key']`, `["key"]`, `[n]`.
 */
export type JsonPath = ReadonlyArray<string | number>;

export function parseJsonPath(input: string): JsonPath {
  let s = input.trim();
  if (s.startsWith('$')) s = s.slice(1);
  const out: Array<string | number> = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      const m = /^[^.[\]]+/.exec(s.slice(i + 1));
      if (!m) throw new Error(`invalid property name at position ${i + 1}`);
      out.push(m[0]);
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = s.slice(i + 1);
      const idx = /^(\d+)\]/.exec(rest);
      const quoted = /^(['"])((?:\\.|(?!\1).)*)\1\]/.exec(rest);
      if (idx) {
        out.push(Number(idx[1]));
        i += 1 + idx[0].length;
      } else if (quoted) {
        out.push((quoted[2] ?? '').replace(/\\(.)/g, '$1'));
        i += 1 + quoted[0].length;
      } else {
        throw new Error(`invalid array access at position ${i}`);
      }
    } else if (i === 0 && out.length === 0) {
      // a bare first key without a leading dot
      const m = /^[^.[\]]+/.exec(s);
      if (!m) throw new Error('invalid path');
      out.push(m[0]);
      i += m[0].length;
    } else {
      throw new Error(`unexpected character ${JSON.stringify(c)} at position ${i}`);
    }
  }
  return out;
}

export function encodeJsonPath(path: JsonPath): string {
  return (
    '$' +
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? `.${p}` : `['${p}']`))
      .join('')
  );
}

/** Follow a path; `undefined` when any step is missing. */
export function executeJsonPath(path: JsonPath, value: unknown): unknown {
  let cur: unknown = value;
  for (const p of path) {
    if (typeof p === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[p];
    } else {
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
      cur = Object.prototype.hasOwnProperty.call(cur, p) ? (cur as Record<string, unknown>)[p] : undefined;
    }
    if (cur === undefined) return undefined;
  }
  return cur;
}
