/**
 * The `path` argument of json/jsonb columns (src: Hasura/GraphQL/Schema/Select.hs `jsonPathArg`, parsed with
 * Data.Parser.JSONPath): `$`, `$.a.b`, `.a`, `a`, `arr[2]`, `['key']`, `["key"]`. Returns the `#>` path.
 */
export function parseJsonPath(input: string): string[] | null {
  let s = input.trim();
  if (s.startsWith('$')) s = s.slice(1);
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      const q = s[i + 1];
      if (q === "'" || q === '"') {
        const end = s.indexOf(`${q}]`, i + 2);
        if (end < 0) return null;
        out.push(s.slice(i + 2, end));
        i = end + 2;
      } else {
        const end = s.indexOf(']', i);
        if (end < 0) return null;
        const idx = s.slice(i + 1, end);
        if (!/^\d+$/.test(idx)) return null;
        out.push(idx);
        i = end + 1;
      }
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== '.' && s[j] !== '[') j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
