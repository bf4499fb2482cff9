/**
 * Asynchronous actions on the request path (src: Hasura/GraphQL/Execute/Action.hs `resolveActionMutationAsync`,
 * `resolveAsyncActionQuery`; docs: actions/async-actions.mdx): the mutation logs the call and returns its id; the
 * query `<action>(id)` reads the log row back and shapes `output` like a synchronous result. The background
 * processor that calls the handler is async-processor.ts.
 */
import type pg from 'pg';
import { getNullableType, isObjectType } from 'graphql';
import type { GraphQLField } from 'graphql';
import { EngineError } from '../errors.js';
import type { ActionInfo } from '../model/action-types.js';
import type { CollectedField } from '../plan/collect-fields.js';
import { collectFields, subSelections } from '../plan/collect-fields.js';
import { coerceInput } from '../plan/coerce-input.js';
import { rawArgs } from '../plan/plan-selection.js';
import { fetchActionLog, insertActionLog } from '../executor/action-log.js';
import type { ActionDeps } from './run-action.js';
import { ActionError, actionInput, selectsRelationship, shape } from './run-action.js';

/**
 * The async mutation: one `hdb_action_log` row, in the request's transaction (`client`) when the log is in the
 * default source's database, else straight into the metadata database; returns the id as JSON.
 */
export async function startAsyncAction(
  deps: ActionDeps,
  client: pg.PoolClient,
  a: ActionInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): Promise<string> {
  const id = await insertActionLog(deps.catalog.separate ? deps.catalog.pool : client, {
    action: a.name,
    sessionVariables: deps.session.vars,
    requestHeaders: deps.clientHeaders,
    input: actionInput(deps, def, f),
  });
  return JSON.stringify(id);
}

/**
 * The query `<action>(id: uuid!)`: the log row for that id. A non-admin caller sees it only when its session
 * variables equal the stored ones (else null); an unknown id is Hasura's `database query error` (`fetchActionResponseTx`
 * expects exactly one row).
 */
export async function runAsyncQuery(
  deps: ActionDeps,
  a: ActionInfo,
  def: GraphQLField<unknown, unknown>,
  f: CollectedField,
): Promise<string> {
  const idArg = def.args.find((x) => x.name === 'id');
  const raw = rawArgs(deps.planner, f, def);
  if (!idArg) throw new EngineError('unexpected', 'async action field without id', f.path);
  const id = coerceInput(idArg.type, raw['id'], `${f.path}.args.id`);
  if (typeof id !== 'string') throw new EngineError('validation-failed', 'expected a uuid', `${f.path}.args.id`);
  const row = await fetchActionLog(
    deps.catalog.pool,
    id,
    a.name,
    deps.session.role === 'admin' ? null : deps.session.vars,
  );
  if (!row) throw new EngineError('unexpected', 'database query error', '$');
  if (!row.visible) return 'null';
  const t = getNullableType(def.type);
  if (!isObjectType(t)) return 'null';
  const out: Record<string, unknown> = {};
  for (const c of collectFields(deps.planner, t, subSelections(f), f.path, f.fragStack)) {
    if (c.name === '__typename') out[c.alias] = t.name;
    else if (c.name === 'id') out[c.alias] = id;
    else if (c.name === 'created_at') out[c.alias] = row.created_at;
    else if (c.name === 'errors') out[c.alias] = row.errors ?? null;
    else if (c.name === 'output') {
      const ot = t.getFields()['output']?.type;
      out[c.alias] =
        ot && row.response_payload !== null && row.response_payload !== undefined
          ? await shape(deps, ot, row.response_payload, c, !selectsRelationship(deps, ot, c))
          : null;
    } else throw new EngineError('validation-failed', `field '${c.name}' not found in type: '${t.name}'`, c.path);
  }
  return JSON.stringify(out);
}

/**
 * What the `errors` column stores for a failed call: Hasura's QErr JSON `{path, error, code}`. Unlike Hasura, the
 * `internal` details (request headers with configured values) are not stored, since the column is returned to the
 * (non-admin) caller as is.
 */
export function asyncErrorJson(e: unknown): { path: string; error: string; code: string } {
  if (e instanceof EngineError) return { path: e.path, error: e.message, code: e.code };
  // A 4xx with `extensions`: Hasura keeps the handler's top-level `code` only, which ActionError does not carry.
  if (e instanceof ActionError) return { path: '$', error: e.message, code: 'unexpected' };
  return { path: '$', error: 'unexpected error', code: 'unexpected' };
}
