/**
 * "Did you mean …?" for a misspelt variable name: the known name at the smallest edit distance, if the distance is
 * small for the name's length, or a known name with the same words in another order (`CONSOLE_ENABLE`).
 */

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

const words = (s: string): string => s.split('_').sort().join('_');

/** The closest of `known` to `name` (both compared after `prefix`), or undefined when none is close. */
export function closestName(name: string, known: readonly string[], prefix: string): string | undefined {
  const tail = (s: string): string => (s.startsWith(prefix) ? s.slice(prefix.length) : s);
  const t = tail(name);
  const sameWords = known.find((k) => words(tail(k)) === words(t));
  if (sameWords !== undefined) return sameWords;
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(t, tail(k));
    if (best === undefined || d < best.d) best = { name: k, d };
  }
  const limit = Math.max(2, Math.floor(t.length / 3));
  return best !== undefined && best.d <= limit ? best.name : undefined;
}
