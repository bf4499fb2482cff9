/**
 * Compiled operations kept for reuse, keyed by everything that can change the SQL or its values, so a hit can never
 * serve another request's plan: role, document, operation name and which variables are null (the template key), then
 * the values of the variables the planner found to decide the plan (`shapeVars`: limits, order_by, directives, whole
 * `where` objects…). Variables at data positions and session variables are bound per request (compiler/bind.ts).
 */
import type { CompiledOperation } from '../compiler/compile-operation.js';
import { LruCache, roughSize } from './lru-cache.js';

/** A compiled operation with late-bound values, and what it needs from a request to be reused. */
export interface CachedPlan {
  readonly op: CompiledOperation;
  readonly shapeVars: ReadonlySet<string>;
  readonly usedSession: ReadonlySet<string>;
}

interface Entry {
  shapeVars: string[];
  readonly plans: Map<string, CachedPlan>;
}

/** Template keys longer than this are not cached (their size would dominate the cache). */
const MAX_KEY_CHARS = 65536;
/** Variable shapes kept per template. */
const MAX_SHAPES = 64;

export class PlanCache {
  private readonly entries: LruCache<Entry>;

  constructor(opts: { maxEntries: number; maxBytes: number }) {
    this.entries = new LruCache({
      ...opts,
      sizeOf: (k, e) => 2 * k.length + roughSize([...e.plans.values()].map((p) => p.op)),
    });
  }

  /** The template key of a request, or null when it is too long to cache. */
  static key(role: string, query: string, operationName: string | null, vars: Readonly<Record<string, unknown>>) {
    const nulls = Object.keys(vars)
      .sort()
      .map((k) => `${k}${vars[k] === null ? '=null' : ''}`);
    const key = JSON.stringify([role, query, operationName, nulls]);
    return key.length > MAX_KEY_CHARS ? null : key;
  }

  get(key: string, vars: Readonly<Record<string, unknown>>): CachedPlan | undefined {
    const entry = this.entries.get(key);
    return entry?.plans.get(shapeOf(entry.shapeVars, vars));
  }

  set(key: string, vars: Readonly<Record<string, unknown>>, plan: CachedPlan): void {
    const entry = this.entries.get(key) ?? { shapeVars: [], plans: new Map<string, CachedPlan>() };
    const added = [...plan.shapeVars].filter((n) => !entry.shapeVars.includes(n));
    if (added.length > 0) {
      entry.shapeVars = [...entry.shapeVars, ...added].sort();
      entry.plans.clear();
    }
    if (entry.plans.size < MAX_SHAPES) entry.plans.set(shapeOf(entry.shapeVars, vars), plan);
    // Set (again) so the cache measures the entry with its new plan.
    this.entries.set(key, entry);
  }

  clear(): void {
    this.entries.clear();
  }
}

function shapeOf(shapeVars: readonly string[], vars: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(shapeVars.map((n) => vars[n] ?? null));
}
