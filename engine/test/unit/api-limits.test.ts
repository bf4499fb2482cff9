/**
 * The limit checks without a server: Hasura's `api_limits` object (plan/api-limits.ts), what an operation costs
 * (plan/operation-cost.ts: depth, nodes, fields, on Hasura's documented examples and on hostile documents), the
 * engine's own settings (config/engine-limits.ts), the byte-bounded request caches (execute/lru-cache.ts), and every
 * document this project ships staying within the limits it sets in hasura/metadata/api_limits.yaml.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Kind, getIntrospectionQuery, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { EngineError } from '../../src/errors.js';
import { checkBatchLimit, limitFor, readApiLimits } from '../../src/plan/api-limits.js';
import { checkOperationCost, fragmentsOf, selectionDepth } from '../../src/plan/operation-cost.js';
import type { OperationLimits } from '../../src/plan/operation-cost.js';
import { engineLimits } from '../../src/config/engine-limits.js';
import { ConfigError } from '../../src/config/config-error.js';
import { LruCache, roughSize } from '../../src/execute/lru-cache.js';
import { loadMetadataDir } from '../../src/metadata/load-metadata-dir.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function errorOf(f: () => unknown): { code: string; message: string; path: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return { code: e.code, message: e.message, path: e.path };
    throw e;
  }
  throw new Error('no error');
}

function operations(text: string): Array<{ op: OperationDefinitionNode; frags: ReturnType<typeof fragmentsOf> }> {
  const doc = parse(text);
  const frags = fragmentsOf(doc.definitions);
  return doc.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({ op, frags }));
}

/** The fastest of a few runs of `f` in ms, after one warm-up run (other test files share the machine). */
function fastest(f: () => void): number {
  f();
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    f();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function depthOf(text: string): number {
  const [first] = operations(text);
  return selectionDepth(first!.op.selectionSet, first!.frags);
}

function cost(text: string, limits: OperationLimits): void {
  for (const { op, frags } of operations(text)) checkOperationCost(op, frags, limits);
}

describe('api_limits metadata', () => {
  const limits = readApiLimits({
    depth_limit: { global: 5, per_role: { user: 7 } },
    node_limit: { global: 3 },
    batch_limit: { global: 2, per_role: { bulk: 20 } },
  });

  it('applies a role’s own value, else the global one, and never limits admin', () => {
    expect(limitFor(limits, 'depth', 'user')).toBe(7);
    expect(limitFor(limits, 'depth', 'anonymous')).toBe(5);
    expect(limitFor(limits, 'node', 'user')).toBe(3);
    expect(limitFor(limits, 'depth', 'admin')).toBeUndefined();
    expect(limitFor(readApiLimits(undefined), 'depth', 'user')).toBeUndefined();
    expect(limitFor(readApiLimits({ disabled: true, depth_limit: { global: 1 } }), 'depth', 'user')).toBeUndefined();
  });

  it('refuses a batch over the role’s batch_limit with a Hasura-shaped error (batch limit)', () => {
    expect(errorOf(() => checkBatchLimit(limits, 'anonymous', 3))).toEqual({
      code: 'validation-failed',
      message: 'batch has 3 operations, more than the batch limit of 2',
      path: '$',
    });
    expect(() => checkBatchLimit(limits, 'anonymous', 2)).not.toThrow();
    expect(() => checkBatchLimit(limits, 'bulk', 20)).not.toThrow();
    expect(() => checkBatchLimit(limits, 'admin', 1000)).not.toThrow();
  });

  it('refuses malformed limits and the limits this engine cannot enforce', () => {
    expect(errorOf(() => readApiLimits({ depth_limit: { per_role: {} } }))).toMatchObject({
      code: 'parse-failed',
      message: 'key "global" not found',
      path: '$.api_limits.depth_limit',
    });
    expect(errorOf(() => readApiLimits({ node_limit: { global: -1 } }))).toMatchObject({
      code: 'parse-failed',
      path: '$.api_limits.node_limit.global',
    });
    expect(errorOf(() => readApiLimits({ rate_limit: { global: { max_reqs_per_min: 10 } } }))).toMatchObject({
      code: 'not-supported',
      message: 'api_limits.rate_limit is not supported by this engine',
    });
    expect(errorOf(() => readApiLimits({ time_limit: { global: 5 } }))).toMatchObject({ code: 'not-supported' });
  });
});

describe('operation depth (depth limit)', () => {
  it('counts like Hasura’s documented examples', () => {
    expect(depthOf('query deep1_1 { viewer { name } }')).toBe(1);
    expect(depthOf('query deep1_2 { viewer { ... on User { name } } }')).toBe(1);
    expect(depthOf('query deep2 { viewer { albums { title } } }')).toBe(2);
    expect(
      depthOf(`query deep3 { viewer { albums { ...musicInfo songs { ...musicInfo } } } }
        fragment musicInfo on Music { id title artists }`),
    ).toBe(3);
  });

  it('does not count introspection fields', () => {
    expect(depthOf(getIntrospectionQuery())).toBe(0);
    expect(depthOf('{ __type(name: "x") { fields { type { ofType { name } } } } courses { id } }')).toBe(1);
  });

  it('measures a 30-level doubling fragment once per fragment (fragment blow-up)', () => {
    const frags = Array.from({ length: 30 }, (_, i) => `fragment F${i} on c { ...F${i + 1} ...F${i + 1} }`);
    const q = `{ c { ...F0 } } ${frags.join(' ')} fragment F30 on c { d { e } }`;
    expect(depthOf(q)).toBe(2);
    expect(fastest(() => depthOf(q))).toBeLessThan(100);
  });

  it('refuses a query over the depth limit with Hasura’s code, and survives a fragment cycle', () => {
    expect(errorOf(() => cost('{ a { b { c { d } } } }', { depth: 2 }))).toEqual({
      code: 'validation-failed',
      message: 'query depth 3 exceeds the depth limit of 2',
      path: '$',
    });
    expect(() => cost('{ a { b { c } } }', { depth: 2 })).not.toThrow();
    expect(depthOf('{ a { ...A } } fragment A on x { b { ...A } }')).toBe(2);
  });
});

describe('operation nodes and fields (node limit, field limit)', () => {
  it('counts nodes like Hasura’s documented example (3)', () => {
    const q = '{ author { name articles { id title } } homepage_entries { article_id } }';
    expect(() => cost(q, { nodes: 3 })).not.toThrow();
    expect(errorOf(() => cost(q, { nodes: 2 }))).toEqual({
      code: 'validation-failed',
      message: 'query has more than 2 nodes (the node limit)',
      path: '$',
    });
  });

  it('merges the same response key but counts aliases apart (node limit)', () => {
    expect(() => cost('{ a { x } a { y } ...F } fragment F on q { a { z } }', { nodes: 1 })).not.toThrow();
    expect(() => cost('{ a { x } b: a { x } }', { nodes: 1 })).toThrow('more than 1 nodes');
  });

  it('stops at the budget on a response shape that doubles with each fragment (exponential aliases)', () => {
    const frags = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on c { a: next { ...F${i + 1} } b: next { ...F${i + 1} } }`,
    );
    const q = `{ c { ...F0 } } ${frags.join(' ')} fragment F30 on c { id }`;
    expect(() => cost(q, { nodes: 1000 })).toThrow('more than 1000 nodes');
    expect(() => cost(q, { fields: 2000 })).toThrow('more than 2000 fields');
    const refused = (limits: OperationLimits) => () => expect(() => cost(q, limits)).toThrow();
    expect(fastest(refused({ nodes: 1000 }))).toBeLessThan(100);
    expect(fastest(refused({ fields: 2000 }))).toBeLessThan(100);
  });

  it('counts leaf aliases and repeated fields, but a repeated fragment spread once (alias flood)', () => {
    const aliases = `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(errorOf(() => cost(aliases, { fields: 99 })).message).toBe(
      'query has more than 99 fields (the field limit)',
    );
    expect(() => cost(aliases, { fields: 100 })).not.toThrow();
    expect(() => cost(`{ ${'__typename '.repeat(100)}}`, { fields: 99 })).toThrow('more than 99 fields');
    const frags = Array.from({ length: 30 }, (_, i) => `fragment F${i} on q { ...F${i + 1} ...F${i + 1} }`);
    expect(() => cost(`{ ...F0 } ${frags.join(' ')} fragment F30 on q { __typename }`, { fields: 1 })).not.toThrow();
  });

  it('ends on fragment cycles (the planner reports them)', () => {
    expect(() => cost('{ a { ...A } } fragment A on x { b { ...A } }', { nodes: 10, fields: 10 })).not.toThrow();
    expect(() =>
      cost('{ ...A } fragment A on x { ...B } fragment B on x { ...A }', { nodes: 1, fields: 1 }),
    ).not.toThrow();
  });
});

describe('engine settings (ENGINE_MAX_FIELDS, ENGINE_CACHE_MAX_BYTES)', () => {
  it('have secure defaults and refuse values that are not positive integers', () => {
    expect(engineLimits({})).toEqual({ maxFields: 2000, cacheMaxBytes: 32 * 1024 * 1024 });
    expect(engineLimits({ ENGINE_MAX_FIELDS: '50', ENGINE_CACHE_MAX_BYTES: '1024' })).toEqual({
      maxFields: 50,
      cacheMaxBytes: 1024,
    });
    for (const bad of ['0', '-1', '1.5', 'lots', '1e9'])
      expect(() => engineLimits({ ENGINE_MAX_FIELDS: bad })).toThrow(
        new ConfigError('ENGINE_MAX_FIELDS: expected a positive integer'),
      );
  });
});

describe('request caches (cache bytes)', () => {
  it('hold at most their byte budget, oldest out first, and skip an entry larger than the budget', () => {
    const c = new LruCache<string>({ maxEntries: 1000, maxBytes: 1000, sizeOf: (k, v) => 2 * (k.length + v.length) });
    for (let i = 0; i < 50; i++) c.set(`k${i}`, 'x'.repeat(100 - String(i).length - 1));
    expect(c.bytes).toBeLessThanOrEqual(1000);
    expect(c.size).toBe(5);
    expect(c.get('k0')).toBeUndefined();
    expect(c.get('k49')).toBeDefined();
    c.set('huge', 'y'.repeat(10_000));
    expect(c.get('huge')).toBeUndefined();
    expect(c.size).toBe(5);
    c.set('k49', 'z');
    expect(c.bytes).toBe(4 * 200 + 2 * 4);
  });

  it('estimate plain data, not the class instances (GraphQL types) a plan only refers to', () => {
    class Shared {
      readonly big = 'x'.repeat(1_000_000);
    }
    expect(roughSize({ text: 'abcd', values: [1, 'ab'] })).toBeLessThan(300);
    expect(roughSize({ param: new Shared() })).toBeLessThan(300);
    expect(roughSize(['y'.repeat(1000)])).toBeGreaterThan(2000);
  });

  it('also keep their entry bound', () => {
    const c = new LruCache<true>({ maxEntries: 3, maxBytes: 1e9, sizeOf: () => 1 });
    for (const k of ['a', 'b', 'c', 'd']) c.set(k, true);
    expect([c.get('a'), c.get('d'), c.size]).toEqual([undefined, true, 3]);
  });
});

/** Every GraphQL document this project ships (the API's, the client package's, the course browser's). */
function shippedDocuments(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'generated') walk(p);
      else if (e.isFile() && e.name.endsWith('.graphql')) out.push([p.slice(ROOT.length + 1), readFileSync(p, 'utf8')]);
    }
  };
  for (const d of ['api/src', 'client/src/documents', 'examples/course-browser/src']) walk(join(ROOT, d));
  return out;
}

describe('our own limits (hasura/metadata/api_limits.yaml)', () => {
  it('let every document we ship and GraphiQL’s introspection query through, for every role', async () => {
    const md = await loadMetadataDir(join(ROOT, 'hasura/metadata'));
    const limits = readApiLimits(md.api_limits);
    const docs = shippedDocuments();
    expect(docs.length).toBeGreaterThan(5);
    docs.push(['introspection', getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })]);
    for (const role of ['anonymous', 'student', 'student_evals']) {
      const l: OperationLimits = {
        depth: limitFor(limits, 'depth', role),
        nodes: limitFor(limits, 'node', role),
        fields: engineLimits({}).maxFields,
      };
      expect(l.depth).toBeGreaterThanOrEqual(5);
      expect(l.nodes).toBeGreaterThanOrEqual(71);
      for (const [name, text] of docs) expect(() => cost(text, l), `${name} as ${role}`).not.toThrow();
    }
  });
});
