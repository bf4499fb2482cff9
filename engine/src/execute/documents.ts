/**
 * Parsed documents and the checks that depend only on (role, document): validation against the role's schema and
 * the API limits (plan/operation-cost.ts). All three are cached, bounded by count and estimated bytes.
 */
import { parse } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { validationFailed } from '../errors.js';
import { limitFor } from '../plan/api-limits.js';
import type { ApiLimits } from '../plan/api-limits.js';
import { checkOperationCost, fragmentsOf } from '../plan/operation-cost.js';
import { validateDocument } from '../plan/plan-operation.js';
import { LruCache } from './lru-cache.js';

const CACHE_ENTRIES = 1000;
/** A parsed document takes roughly 40–90 bytes of heap per character of query text (measured on graphql-js 16). */
const AST_BYTES_PER_CHAR = 100;
/** Documents with more tokens are refused before they are parsed into a large tree. */
const MAX_TOKENS = 100_000;

const keyBytes = (k: string): number => 2 * k.length;

export interface OperationLimits {
  readonly apiLimits: ApiLimits;
  /** `ENGINE_MAX_FIELDS` */
  readonly maxFields: number;
}

export class Documents {
  private readonly parsed: LruCache<DocumentNode>;
  private readonly validated: LruCache<true>;
  /** (role, operation name, document) whose operation passed the API limits. */
  private readonly withinLimits: LruCache<true>;

  constructor(maxBytes: number) {
    this.parsed = new LruCache({
      maxEntries: CACHE_ENTRIES,
      maxBytes,
      sizeOf: (k) => keyBytes(k) + AST_BYTES_PER_CHAR * k.length,
    });
    this.validated = new LruCache({ maxEntries: CACHE_ENTRIES, maxBytes, sizeOf: keyBytes });
    this.withinLimits = new LruCache({ maxEntries: CACHE_ENTRIES, maxBytes, sizeOf: keyBytes });
  }

  parse(query: string): DocumentNode {
    let doc = this.parsed.get(query);
    if (!doc) {
      try {
        doc = parse(query, { maxTokens: MAX_TOKENS });
      } catch (e) {
        const msg = e instanceof Error ? e.message.replace(/^Syntax Error: /, '') : 'invalid query';
        throw validationFailed(`not a valid graphql query: ${msg}`, '$.query');
      }
      this.parsed.set(query, doc);
    }
    return doc;
  }

  validate(role: string, schema: GraphQLSchema, query: string, doc: DocumentNode): void {
    const key = `${role}\u0000${query}`;
    if (this.validated.get(key)) return;
    validateDocument(schema, doc);
    this.validated.set(key, true);
  }

  /**
   * Refuse an operation over the role's API limits (depth, nodes) or the engine's field limit, before validation
   * and planning. Admin is exempt.
   */
  checkLimits(query: string, doc: DocumentNode, op: OperationDefinitionNode, role: string, l: OperationLimits): void {
    if (role === 'admin') return;
    const key = JSON.stringify([role, op.name?.value ?? null, query.length]) + query;
    if (this.withinLimits.get(key)) return;
    checkOperationCost(op, fragmentsOf(doc.definitions), {
      depth: limitFor(l.apiLimits, 'depth', role),
      nodes: limitFor(l.apiLimits, 'node', role),
      fields: l.maxFields,
    });
    this.withinLimits.set(key, true);
  }

  /** After a metadata change: schemas changed, so validations and limits no longer hold. */
  invalidate(): void {
    this.validated.clear();
    this.withinLimits.clear();
  }
}
