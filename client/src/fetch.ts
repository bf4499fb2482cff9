/**
 * A tiny GraphQL-over-HTTP client for typed document nodes: `POST /v1/graphql` with the session cookie
 * (`credentials: 'include'` by default, so the auth webhook decides the role), Hasura's error envelope turned into
 * a `GraphQLRequestError`. No cache, no retries: frontends add what they need on top.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode } from 'graphql';

/** One error of Hasura's envelope (`{"errors":[{"message","extensions":{"code","path"}}]}`). */
export interface GraphQLErrorJson {
  message: string;
  extensions?: { code?: string; path?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  constructor(
    message: string,
    /** The GraphQL errors (empty for a transport failure). */
    readonly errors: readonly GraphQLErrorJson[],
    /** The HTTP status (Hasura answers GraphQL errors with 200). */
    readonly status: number,
  ) {
    super(message);
  }
  /** Hasura's error code of the first error (`validation-failed`, `access-denied`, …), if any. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface GraphQLClientOptions {
  /** The endpoint, e.g. `/v1/graphql` behind the gateway. */
  url: string;
  /** Extra request headers. Never put `x-hasura-*` here in a browser: the server ignores client-sent roles. */
  headers?: Record<string, string>;
  credentials?: 'include' | 'same-origin' | 'omit';
  fetch?: typeof fetch;
}

/** Variables argument: optional when the operation has no required variables. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface GraphQLClient {
  request<R, V extends Record<string, unknown>>(
    document: TypedDocumentNode<R, V>,
    ...args: [...VariablesArg<V>, init?: { signal?: AbortSignal; headers?: Record<string, string> }]
  ): Promise<R>;
}

const printed = new WeakMap<object, string>();
/** The query text of a document (printed once per document node). */
export function queryText(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

/** The name of the document's (only) operation, sent as `operationName`. */
export function operationName(document: DocumentNode): string | undefined {
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) return d.name?.value;
  return undefined;
}

export function createGraphQLClient(opts: GraphQLClientOptions): GraphQLClient {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  return {
    async request<R, V extends Record<string, unknown>>(
      document: TypedDocumentNode<R, V>,
      ...args: [...VariablesArg<V>, init?: { signal?: AbortSignal; headers?: Record<string, string> }]
    ): Promise<R> {
      const [variables, init] = args as unknown as [
        V | undefined,
        { signal?: AbortSignal; headers?: Record<string, string> } | undefined,
      ];
      const name = operationName(document);
      const res = await doFetch(opts.url, {
        method: 'POST',
        credentials: opts.credentials ?? 'include',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...opts.headers, ...init?.headers },
        body: JSON.stringify({
          query: queryText(document),
          variables: variables ?? {},
          ...(name !== undefined ? { operationName: name } : {}),
        }),
        ...(init?.signal !== undefined ? { signal: init.signal } : {}),
      });
      let body: { data?: R | null; errors?: GraphQLErrorJson[] } | undefined;
      try {
        body = (await res.json()) as typeof body;
      } catch {
        throw new GraphQLRequestError(`GraphQL endpoint answered ${res.status} without JSON`, [], res.status);
      }
      if (body?.errors && body.errors.length > 0) {
        throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors, res.status);
      }
      if (!res.ok || body?.data === undefined || body.data === null) {
        throw new GraphQLRequestError(`GraphQL endpoint answered ${res.status} without data`, [], res.status);
      }
      return body.data;
    },
  };
}
