/**
 * `POST /v1/metadata` (docs: api-reference/metadata-api/manage-metadata.mdx; src: Server/API/Metadata.hs,
 * RQL/DDL/Metadata.hs): `export_metadata`, `replace_metadata` (v1 body or `{allow_inconsistent_metadata, metadata}`),
 * `reload_metadata`, `get_inconsistent_metadata`, `clear_metadata`, `bulk`, all delegating to the Runtime.
 * Admin only (`restricted access : admin only`, 400). Changes are serialised; a failing `bulk` restores the metadata
 * it started from, and an inconsistent `replace_metadata` without `allow_inconsistent_metadata` is rolled back.
 */
import type { HasuraMetadata } from '../metadata/types.js';
import type { RequestCtx, ServerState } from './context.js';
import { adminPost, restrictedAdminOnly } from './admin-api.js';
import { EngineError } from '../errors.js';
import { applyObjectOperation } from '../metadata/object-ops.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MetadataCall {
  type: string;
  args: unknown;
  version?: unknown;
}

export function decodeCall(v: unknown, path: string): MetadataCall {
  if (!isObj(v)) throw EngineError.badRequest('parse-failed', 'expected an object with "type" and "args"', path);
  const type = v['type'];
  if (typeof type !== 'string') throw EngineError.badRequest('parse-failed', 'key "type" not found', path);
  const call: MetadataCall = { type, args: v['args'] ?? {} };
  if (v['version'] !== undefined) call.version = v['version'];
  return call;
}

function inconsistencyReport(state: ServerState): Obj {
  const objs = state.runtime.inconsistencies();
  return { is_consistent: objs.length === 0, inconsistent_objects: objs };
}

/**
 * Errors of the runtime (rebuilding the schema) and of the per-object operations keep their own path inside a bulk;
 * the API's own errors (the shape of a call, an unsupported type, an inconsistent result) are placed under their step.
 */
const keepsPath = new WeakSet<object>();

async function core<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (typeof e === 'object' && e !== null) keepsPath.add(e);
    throw e;
  }
}

/** Prefix an error's JSON path with the position of a bulk step (`$.args[i]…`). */
function underBulk(e: unknown, i: number): unknown {
  return e instanceof EngineError && !keepsPath.has(e) ? e.under(`$.args[${i}]`) : e;
}

async function replace(state: ServerState, md: HasuraMetadata, allowInconsistent: boolean): Promise<boolean> {
  const prev = state.runtime.metadata();
  try {
    await core(() => state.runtime.replaceMetadata(md));
  } catch (e) {
    // Leave the engine on the metadata it had.
    await core(() => state.runtime.replaceMetadata(prev));
    throw e;
  }
  const incons = state.runtime.inconsistencies();
  if (incons.length > 0 && !allowInconsistent) {
    await core(() => state.runtime.replaceMetadata(prev));
    throw new EngineError('unexpected', 'cannot continue due to inconsistent metadata', '$', incons);
  }
  state.resourceVersion += 1;
  return incons.length === 0;
}

export async function runCall(state: ServerState, call: MetadataCall): Promise<unknown> {
  switch (call.type) {
    case 'export_metadata': {
      const md = state.runtime.metadata();
      return call.version === 2 ? { resource_version: state.resourceVersion, metadata: md } : md;
    }
    case 'replace_metadata': {
      const args = call.args;
      if (!isObj(args)) throw EngineError.badRequest('parse-failed', 'expected an object', '$.args');
      if (isObj(args['metadata'])) {
        await replace(
          state,
          args['metadata'] as unknown as HasuraMetadata,
          args['allow_inconsistent_metadata'] === true,
        );
        return inconsistencyReport(state);
      }
      await replace(state, args as unknown as HasuraMetadata, false);
      return { message: 'success' };
    }
    case 'reload_metadata': {
      await core(() => state.runtime.reload());
      state.resourceVersion += 1;
      const report = inconsistencyReport(state);
      return report['is_consistent'] === true
        ? { message: 'success', is_consistent: true }
        : { message: 'success', ...report };
    }
    case 'get_inconsistent_metadata':
      return inconsistencyReport(state);
    case 'clear_metadata': {
      const cur = state.runtime.metadata() as unknown as Obj;
      const sources = Array.isArray(cur['sources']) ? (cur['sources'] as unknown[]) : [];
      const kept = sources.filter(isObj).map((s) => ({ ...s, tables: [], functions: [] }));
      await replace(state, { version: 3, sources: kept } as unknown as HasuraMetadata, true);
      return { message: 'success' };
    }
    case 'bulk': {
      if (!Array.isArray(call.args)) throw EngineError.badRequest('parse-failed', 'expected an array', '$.args');
      const snapshot = state.runtime.metadata();
      const results: unknown[] = [];
      const steps = call.args.map((s, i) => decodeCall(s, `$.args[${i}]`));
      for (const [i, step] of steps.entries()) {
        try {
          results.push(await runCall(state, step));
        } catch (e) {
          if (i > 0) await core(() => state.runtime.replaceMetadata(snapshot));
          throw underBulk(e, i);
        }
      }
      return results;
    }
    default: {
      // Per-object operations (pg_track_table, pg_create_select_permission, …): edit a copy, rebuild, keep it
      // only if it stays consistent.
      const md = structuredClone(state.runtime.metadata());
      const sqlActions =
        call.type === 'run_sql' || call.type === 'insert'
          ? null
          : await core(() => applyObjectOperation(md, { type: call.type, args: call.args }));
      if (sqlActions === null || sqlActions.length > 0)
        throw EngineError.badRequest(
          'not-supported',
          `metadata API "${call.type}" is not supported by this engine`,
          '$.type',
        );
      await replace(state, md, false);
      return { message: 'success' };
    }
  }
}

/** Serialise metadata changes (Hasura holds a schema-cache lock); /v1/query and /v2/query share it. */
export async function withMetadataLock<T>(state: ServerState, fn: () => Promise<T>): Promise<T> {
  const prev = state.metadataLock;
  let release!: () => void;
  state.metadataLock = new Promise<void>((r) => (release = r));
  await prev;
  try {
    return await fn();
  } finally {
    release();
  }
}

export async function handleMetadata(state: ServerState, ctx: RequestCtx): Promise<void> {
  await adminPost(state, ctx, async (body, auth) => {
    const call = decodeCall(body, '$');
    restrictedAdminOnly(auth);
    return JSON.stringify(await withMetadataLock(state, () => runCall(state, call)));
  });
}
