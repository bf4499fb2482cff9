/**
 * One synchronous action field: arguments → request body `{action:{name}, input, session_variables,
 * request_query}` → handler → response validation with Hasura's messages → the selected output, with
 * relationships to tables fetched under the target's select permission (src: Hasura/GraphQL/Execute/Action.hs
 * `callWebhook`, `validateResponse`, `makeActionResponseNoRelations`; reference A6).
 */
import type pg from 'pg';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import type { GraphQLField, GraphQLOutputType } from 'graphql';
import { EngineError } from '../errors.js';
import type { ActionInfo } from '../model/action-types.js';
import type { Session } from '../session.js';
import { actionRelInfo } from '../schema/build-action-types.js';
import type { CollectedField } from '../plan/collect-fields.js';
import { collectFields, subSelections } from '../plan/collect-fields.js';
import { coerceInput } from '../plan/coerce-input.js';
import type { PlannerContext } from '../plan/plan-selection.js';
import { planAggregate, planTableSelect, rawArgs } from '../plan/plan-selection.js';
import { and } from '../plan/plan-bool-exp.js';
import type { BoolIR } from '../plan/ir.js';
import type { CompileContext } from '../compiler/compile-bool.js';
import { aggregateQuery, arrayQuery, objectQuery } from '../compiler/compile-select.js';
import { compile } from '../compiler/sql.js';
import { buildActionCall, postAction } from '../executor/call-action.js';
import type { ActionHttpResult } from '../executor/call-action.js';
import { queryFirstRow } from '../executor/run-one.js';
import type { CatalogStore } from '../executor/catalog-pool.js';
import type { ActionsConfig } from '../config/runtime-config.js';

export interface ActionDeps {
  readonly pool: pg.Pool;
  /** Where the async action log lives (executor/catalog-pool.ts). */
  readonly catalog: CatalogStore;
  readonly actions: ActionsConfig;
  readonly planner: PlannerContext;
  readonly compile: () => CompileContext;
  readonly session: Session;
  readonly query: string;
  readonly clientHeaders: Readonly<Record<string, string>>;
  /** Collects handler `Set-Cookie` headers for the HTTP response. */
  readonly cookies: string[];
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'scalar String';
  if (typeof v === 'number') return 'scalar Number';
  if (typeof v === 'boolean') return 'scalar Boolean';
  return 'object';
}

/** Hasura's `validateResponse`: the whole output type against the JSON, first error wins. */
export function validate(type: GraphQLOutputType, v: unknown, top: boolean, field: string | null): string | null {
  if (v === null || v === undefined) {
    if (!isNonNullType(type)) return null;
    return top ? 'got null for the action webhook response' : `expecting not null value for field "${field ?? ''}"`;
  }
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(v)) return 'expecting array for the action webhook response';
    for (const x of v) {
      const e = validate(t.ofType, x, top, field);
      if (e) return e;
    }
    return null;
  }
  if (isObjectType(t)) {
    if (typeof v !== 'object' || Array.isArray(v))
      return `got ${jsonKind(v)} for the action webhook response, expecting ${t.name}`;
    const obj = v as Record<string, unknown>;
    for (const [name, f] of Object.entries(t.getFields())) {
      if (actionRelInfo(f.extensions)) continue;
      if (!(name in obj)) {
        if (isNonNullType(f.type)) return `field "${name}" expected in webhook response, but not found`;
        continue;
      }
      const e = validate(f.type, obj[name], false, name);
      if (e) return e;
    }
    return null;
  }
  if (isScalarType(t) && ['Int', 'Float', 'String', 'Boolean', 'ID'].includes(t.name)) {
    const ok =
      t.name === 'Int' || t.name === 'Float'
        ? typeof v === 'number'
        : t.name === 'Boolean'
          ? typeof v === 'boolean'
          : t.name === 'ID'
            ? typeof v === 'string' || typeof v === 'number'
            : typeof v === 'string';
    if (!ok) return `got ${jsonKind(v)} for the action webhook response, expecting ${t.name}`;
  }
  if (isEnumType(t) && (typeof v !== 'string' || !t.getValue(v)))
    return `got ${jsonKind(v)} for the action webhook response, expecting ${t.name}`;
  return null;
}

async function relationship(
  deps: ActionDeps,
  def: GraphQLField<unknown, unknown>,
  c: CollectedField,
  parent: Record<string, unknown>,
): Promise<unknown> {
  const info = actionRelInfo(def.extensions);
  if (!info) return null;
  const objectType = getNamedType(def.type);
  if (!isObjectType(objectType)) return null;
  const conds: BoolIR[] = [];
  for (const [field, column] of info.rel.mapping) {
    const col = info.table.columnByName.get(column);
    const v = parent[field];
    if (!col) continue;
    if (v === null || v === undefined) return info.rel.kind === 'array' ? [] : null;
    conds.push({
      kind: 'cmp',
      lhs: { kind: 'column', column: col, castText: false },
      op: '_eq',
      rhs: { kind: 'value', value: v, type: col.type, array: false },
    });
  }
  let q;
  if (info.aggregate) {
    const { select: s, agg } = planAggregate(deps.planner, info.table, def, c, null, { kind: 'table' });
    q = compile(aggregateQuery(deps.compile(), { ...s, where: and([s.where, ...conds]) }, agg, null));
  } else {
    const s = planTableSelect(deps.planner, info.table, def, c, {
      join: null,
      source: { kind: 'table' },
      withArgs: info.rel.kind === 'array',
      objectType,
      fieldsFrom: null,
    });
    const select = { ...s, where: and([s.where, ...conds]) };
    q = compile(
      info.rel.kind === 'array' ? arrayQuery(deps.compile(), select, null) : objectQuery(deps.compile(), select, null),
    );
  }
  const row = await queryFirstRow<{ v: unknown }>(deps.pool, q);
  return row?.v ?? (info.rel.kind === 'array' ? [] : null);
}

/** Whether the selection of `f` (of output type `type`) reaches a relationship to a table. */
export function selectsRelationship(deps: ActionDeps, type: GraphQLOutputType, f: CollectedField): boolean {
  const t = getNamedType(type);
  if (!isObjectType(t)) return false;
  return collectFields(deps.planner, t, subSelections(f), f.path, f.fragStack).some((c) => {
    const def = t.getFields()[c.name];
    return !!def && (!!actionRelInfo(def.extensions) || selectsRelationship(deps, def.type, c));
  });
}

/**
 * The selected part of a validated value. Fields of the output object the handler left out are null; inside nested
 * objects, when the selection has no relationship, Hasura builds the result from the response itself and leaves such
 * keys out (`makeActionResponseNoRelations`, `omitMissing`); with relationships it goes through Postgres (null).
 */
export async function shape(
  deps: ActionDeps,
  type: GraphQLOutputType,
  v: unknown,
  f: CollectedField,
  omitMissing: boolean,
  nested = false,
): Promise<unknown> {
  if (v === null || v === undefined) return null;
  const t = getNullableType(type);
  if (isListType(t)) return Promise.all((v as unknown[]).map((x) => shape(deps, t.ofType, x, f, omitMissing, nested)));
  if (!isObjectType(t)) return v;
  const obj = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const c of collectFields(deps.planner, t, subSelections(f), f.path, f.fragStack)) {
    if (c.name === '__typename') {
      out[c.alias] = t.name;
      continue;
    }
    const def = t.getFields()[c.name];
    if (!def) throw new EngineError('validation-failed', `field '${c.name}' not found in type: '${t.name}'`, c.path);
    if (actionRelInfo(def.extensions)) out[c.alias] = await relationship(deps, def, c, obj);
    else if (!omitMissing || !nested || c.name in obj)
      out[c.alias] = await shape(deps, def.type, obj[c.name], c, omitMissing, true);
  }
  return out;
}

function internalOf(
  call: { template: string; body: string; reported: readonly unknown[]; transformedReport?: unknown },
  res: ActionHttpResult | null,
): unknown {
  let body: unknown = res?.body ?? null;
  try {
    body = res ? (JSON.parse(res.body) as unknown) : null;
  } catch {
    /* keep text */
  }
  return {
    error: 'unexpected response',
    response: res ? { status: res.status, body, headers: res.headers } : null,
    request: {
      body: JSON.parse(call.body) as unknown,
      url: call.template,
      headers: call.reported,
      transformed_request: call.transformedReport ?? null,
    },
  };
}

/** The action's `input`: the field's arguments, coerced (what the handler receives and the async log stores). */
export function actionInput(
  deps: ActionDeps,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): Record<string, unknown> {
  const raw = rawArgs(deps.planner, f, def);
  const input: Record<string, unknown> = {};
  for (const arg of def.args) {
    if (raw[arg.name] !== undefined)
      input[arg.name] = coerceInput(arg.type, raw[arg.name], `${f.path}.args.${arg.name}`);
  }
  return input;
}

/**
 * POST `body` to the action's handler and return the response payload validated against `type` (the action's output
 * type), or throw Hasura's error for that response. Shared by synchronous fields and the async processor. Handler
 * `Set-Cookie` headers go to `cookies`.
 */
export async function callActionHandler(
  a: ActionInfo,
  type: GraphQLOutputType,
  body: unknown,
  clientHeaders: Readonly<Record<string, string>>,
  actions: ActionsConfig,
  cookies: string[],
): Promise<unknown> {
  const call = buildActionCall(a, body, clientHeaders, actions);
  const res = await postAction(call, a.timeout);
  for (const h of res.headers) if (h.name.toLowerCase() === 'set-cookie') cookies.push(h.value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body) as unknown;
  } catch {
    throw new EngineError('unexpected', 'internal error', '$', internalOf(call, res));
  }
  if (res.status >= 200 && res.status < 300) {
    const err = validate(type, parsed, true, null);
    if (err) throw new EngineError('unexpected', err, '$', internalOf(call, res));
    return parsed;
  }
  if (
    res.status >= 400 &&
    res.status < 500 &&
    parsed !== null &&
    typeof parsed === 'object' &&
    typeof (parsed as { message?: unknown }).message === 'string'
  ) {
    const p = parsed as { message: string; extensions?: unknown; code?: unknown };
    if (p.extensions !== null && typeof p.extensions === 'object' && !Array.isArray(p.extensions)) {
      throw new ActionError(p.message, p.extensions as Record<string, unknown>);
    }
    throw new EngineError((typeof p.code === 'string' ? p.code : 'unexpected') as 'unexpected', p.message, '$');
  }
  throw new EngineError('unexpected', 'internal error', '$', internalOf(call, res));
}

/** Run the action field `f` and return its JSON text. */
export async function runAction(
  deps: ActionDeps,
  a: ActionInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): Promise<string> {
  const input = actionInput(deps, def, f);
  const body = { action: { name: a.name }, input, session_variables: deps.session.vars, request_query: deps.query };
  const parsed = await callActionHandler(a, def.type, body, deps.clientHeaders, deps.actions, deps.cookies);
  return JSON.stringify(await shape(deps, def.type, parsed, f, !selectsRelationship(deps, def.type, f))) ?? 'null';
}

/** A 4xx handler error whose `extensions` object is returned verbatim. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message);
  }
}
