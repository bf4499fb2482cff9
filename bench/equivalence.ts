/**
 * Are two targets' answers the same rows? Before measuring, the bench fetches every operation once from every
 * target and compares the `data` in a canonical form: PostGraphile's connection wrappers (`{ nodes: [...] }`) are
 * unwrapped, object keys sorted, timestamps written one way, and every list compared as a multiset (sorted by canonical text), so list order
 * (which only some operations fix) and PostGraphile's shape do not count, while every row and value does.
 */

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?([+-]\d\d:\d\d|Z)$/;

/** An ISO timestamp with its fraction of a second written without trailing zeros (`.000000` is Postgres's `to_char`). */
export function canonicalTimestamp(s: string): string {
  const m = TIMESTAMP.exec(s);
  if (!m) return s;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return `${m[1]}${fraction ? `.${fraction}` : ''}${m[3]}`;
}

/** The canonical form of a JSON value (see the module comment). */
export function canonical(value: unknown): unknown {
  if (typeof value === 'string') return canonicalTimestamp(value);
  if (Array.isArray(value)) {
    return value
      .map(canonical)
      .map((v) => [JSON.stringify(v), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0]?.[0] === 'nodes' && Array.isArray(entries[0][1])) {
      return canonical(entries[0][1]);
    }
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export interface Comparison {
  readonly equal: boolean;
  /** Rows (items of the largest lists) on each side, for the report. */
  readonly rows: number;
  /** First difference, as a JSON path and both values (shortened). */
  readonly difference?: string;
}

/** The number of leaf rows: items of lists that hold no lists, summed (a rough size of the answer). */
export function countRows(value: unknown): number {
  if (Array.isArray(value)) {
    const nested = value.reduce<number>((n, v) => n + countRows(v), 0);
    return nested > 0 ? nested : value.length;
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).reduce<number>((n, v) => n + countRows(v), 0);
  }
  return 0;
}

const short = (v: unknown): string => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (JSON.stringify(a) === JSON.stringify(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${short(a)} vs ${short(b)}`;
}

/** Compare two answers' canonical forms. */
export function compareAnswers(reference: unknown, other: unknown): Comparison {
  const a = canonical(reference);
  const b = canonical(other);
  const difference = firstDifference(a, b, '$');
  return difference === undefined
    ? { equal: true, rows: countRows(a) }
    : { equal: false, rows: countRows(a), difference };
}
