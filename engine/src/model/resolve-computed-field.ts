/**
 * Computed fields (src: Hasura/RQL/DDL/ComputedField.hs; docs: schema/postgres/computed-fields.mdx): the function's
 * table argument (named, or the first) takes the row; the optional session argument takes the session JSON; the
 * rest become the field's `args`. A SETOF <tracked table> return behaves like an array relationship.
 */
import type { Catalog, CatalogTable } from '../introspect/catalog-types.js';
import type { ComputedFieldMetadata, FunctionMetadata, InconsistentObject } from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import type { ComputedFieldInfo, FunctionInfo } from './model-types.js';
import { tableKey } from './model-types.js';
import { baseTypeName, scalarNameFor } from './pg-scalars.js';

export function resolveComputedField(
  cf: ComputedFieldMetadata,
  self: CatalogTable,
  catalog: Catalog,
  lookup: (schema: string, name: string) => CatalogTable | undefined,
): { ok: ComputedFieldInfo } | { error: string } {
  const fq = qualify(cf.definition.function);
  const fns = catalog.functions.filter((f) => f.schema === fq.schema && f.name === fq.name);
  const fn = fns[0];
  if (!fn) return { error: `no such function exists: "${fq.schema}"."${fq.name}"` };
  if (fns.length > 1) return { error: `function "${fq.name}" is overloaded` };
  if (fn.volatility === 'v') return { error: `function "${fq.name}" is of type VOLATILE` };
  const tableArgName = cf.definition.table_argument ?? null;
  const tableIdx = tableArgName === null ? 0 : fn.argNames.indexOf(tableArgName);
  const tableArgType = fn.argTypes[tableIdx];
  if (tableIdx < 0 || !tableArgType || tableArgType.name !== self.name || tableArgType.schema !== self.schema) {
    return { error: `first argument of the function "${fq.name}" is not COMPOSITE type "${self.name}"` };
  }
  const sessionIdx = cf.definition.session_argument ? fn.argNames.indexOf(cf.definition.session_argument) : -1;
  const inputCount = fn.argTypes.length;
  const args: ComputedFieldInfo['args'][number][] = fn.argTypes.map((t, i) => {
    if (i === tableIdx) return { kind: 'table' };
    if (i === sessionIdx) return { kind: 'session' };
    return {
      kind: 'input',
      name: fn.argNames[i] ?? `arg_${i + 1}`,
      type: t,
      hasDefault: i >= inputCount - fn.argDefaults,
    };
  });
  const rt = fn.returnType;
  let returns: ComputedFieldInfo['returns'];
  if (rt.kind === 'c' && lookup(rt.schema, rt.name)) {
    returns = { kind: 'table', table: tableKey(rt.schema, rt.name), set: fn.returnsSet };
  } else if (fn.returnsSet) {
    return { error: `the function "${fq.name}" returning set of a type that is not a tracked table` };
  } else {
    const base = baseTypeName(rt);
    returns = { kind: 'scalar', type: rt, baseType: base, scalar: scalarNameFor(base) };
  }
  return {
    ok: { name: cf.name, fnSchema: fn.schema, fnName: fn.name, args, returns, description: cf.comment ?? fn.comment },
  };
}

/** Tracked functions returning (SETOF) a tracked table (src: Hasura/Function/Cache.hs). */
export function resolveFunctions(
  list: readonly FunctionMetadata[],
  catalog: Catalog,
  lookup: (schema: string, name: string) => CatalogTable | undefined,
  inconsistencies: InconsistentObject[],
  sourceName: string,
): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const fm of list) {
    const fq = qualify(fm.function);
    const fns = catalog.functions.filter((f) => f.schema === fq.schema && f.name === fq.name);
    const fn = fns[0];
    const fail = (reason: string): void => {
      inconsistencies.push({
        type: 'function',
        name: `function ${fq.name} in source ${sourceName}`,
        reason: `Inconsistent object: in function "${fq.name}": ${reason}`,
        definition: fm,
      });
    };
    if (!fn || fns.length > 1) {
      fail(fn ? 'function is overloaded' : `no such function exists: "${fq.name}"`);
      continue;
    }
    const rt = fn.returnType;
    if (rt.kind !== 'c' || !lookup(rt.schema, rt.name)) {
      fail('the function does not return a tracked table');
      continue;
    }
    const cfg = (fm.configuration ?? {}) as { custom_name?: string; session_argument?: string };
    const sessionIdx = cfg.session_argument ? fn.argNames.indexOf(cfg.session_argument) : -1;
    const args: ComputedFieldInfo['args'][number][] = fn.argTypes.map((t, i) =>
      i === sessionIdx
        ? { kind: 'session' }
        : {
            kind: 'input',
            name: fn.argNames[i] ?? `arg_${i + 1}`,
            type: t,
            hasDefault: i >= fn.argTypes.length - fn.argDefaults,
          },
    );
    const gqlName = cfg.custom_name ?? (fn.schema === 'public' ? fn.name : `${fn.schema}_${fn.name}`);
    const table = tableKey(rt.schema, rt.name);
    out.push({
      gqlName,
      cf: {
        name: gqlName,
        fnSchema: fn.schema,
        fnName: fn.name,
        args,
        returns: { kind: 'table', table, set: fn.returnsSet },
        description: fn.comment,
      },
      table,
      set: fn.returnsSet,
      roles: fm.permissions ? new Set(fm.permissions.map((p) => p.role)) : null,
    });
  }
  return out;
}
