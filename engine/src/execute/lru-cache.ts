/**
 * The runtime's request caches (parsed documents, validated documents, limit checks, compiled plans): least recently
 * used first out, bounded by entry count and by estimated bytes (`ENGINE_CACHE_MAX_BYTES`, engine/README.md), so a
 * stream of distinct large queries cannot grow the heap without bound. An entry larger than the whole budget is not
 * cached at all.
 */

export interface LruOptions<V> {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Estimated heap bytes of an entry, key included. */
  readonly sizeOf: (key: string, value: V) => number;
}

export class LruCache<V> {
  private readonly map = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  constructor(private readonly opts: LruOptions<V>) {}

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }

  /** Insert or replace (re-measured, so an entry that grew can be set again). */
  set(key: string, value: V): void {
    this.delete(key);
    const bytes = this.opts.sizeOf(key, value);
    if (bytes > this.opts.maxBytes) return;
    this.map.set(key, { value, bytes });
    this.used += bytes;
    while (this.map.size > this.opts.maxEntries || this.used > this.opts.maxBytes) {
      const first = this.map.keys().next();
      if (first.done) break;
      this.delete(first.value);
    }
  }

  delete(key: string): void {
    const e = this.map.get(key);
    if (e === undefined) return;
    this.map.delete(key);
    this.used -= e.bytes;
  }

  clear(): void {
    this.map.clear();
    this.used = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** Estimated bytes held. */
  get bytes(): number {
    return this.used;
  }
}

/**
 * A rough estimate of the heap bytes of a JSON-like value (strings 2 bytes a character plus a header, arrays and
 * plain objects a header plus their members), walked without recursion. Class instances (a GraphQL type a plan
 * refers to, say) are shared, not owned: they count a header and are not walked.
 */
export function roughSize(value: unknown): number {
  let total = 0;
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') total += 16 + 2 * v.length;
    else if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) continue;
      seen.add(v);
      total += 32;
      const proto: unknown = Object.getPrototypeOf(v);
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (proto === Object.prototype || proto === null) for (const [k, x] of Object.entries(v)) stack.push(k, x);
    } else total += 8;
  }
  return total;
}
