/**
 * Merge actions.yaml with actions.graphql like the Hasura CLI (cli/internal/metadataobject/actions/actions.go):
 * each action's `type`, `arguments` and `output_type` come from the `Query`/`Mutation` field of the same name, and
 * each custom type's fields come from the SDL definition of the same name.
 */
import { parse, print, Kind } from 'graphql';
import type { DefinitionNode, TypeNode } from 'graphql';
import type { ActionMetadata, CustomTypes } from './types.js';

function typeString(t: TypeNode): string {
  return print(t);
}

type Named = { name: string; [k: string]: unknown };

export function mergeActionsSdl(
  actions: ActionMetadata[],
  customTypes: CustomTypes,
  sdl: string,
): { actions: ActionMetadata[]; customTypes: CustomTypes } {
  if (sdl.trim() === '') return { actions, customTypes };
  const defs: readonly DefinitionNode[] = parse(sdl).definitions;
  const rootFields = new Map<
    string,
    {
      kind: 'query' | 'mutation';
      args: ActionMetadata['definition']['arguments'];
      output: string;
      description?: string;
    }
  >();
  const typeDefs = new Map<string, Record<string, unknown>>();
  for (const d of defs) {
    if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
      const root = d.name.value === 'Query' ? 'query' : d.name.value === 'Mutation' ? 'mutation' : undefined;
      if (root) {
        for (const f of d.fields ?? []) {
          rootFields.set(f.name.value, {
            kind: root,
            args: (f.arguments ?? []).map((a) => ({
              name: a.name.value,
              type: typeString(a.type),
              description: a.description?.value ?? null,
            })),
            output: typeString(f.type),
            ...(f.description ? { description: f.description.value } : {}),
          });
        }
      } else if (d.kind === Kind.OBJECT_TYPE_DEFINITION) {
        typeDefs.set(d.name.value, {
          fields: (d.fields ?? []).map((f) => ({ name: f.name.value, type: typeString(f.type) })),
          ...(d.description ? { description: d.description.value } : {}),
        });
      }
    } else if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      typeDefs.set(d.name.value, {
        fields: (d.fields ?? []).map((f) => ({ name: f.name.value, type: typeString(f.type) })),
      });
    } else if (d.kind === Kind.ENUM_TYPE_DEFINITION) {
      typeDefs.set(d.name.value, { values: (d.values ?? []).map((v) => ({ value: v.name.value })) });
    }
  }
  const mergedActions = actions.map((a) => {
    const f = rootFields.get(a.name);
    if (!f) return a;
    return {
      ...a,
      definition: { ...a.definition, type: f.kind, arguments: f.args ?? [], output_type: f.output },
    };
  });
  const mergeList = (list: unknown[] | undefined): unknown[] =>
    (list ?? []).map((t) => {
      const n = t as Named;
      return { ...n, ...(typeDefs.get(n.name) ?? {}) };
    });
  return {
    actions: mergedActions,
    customTypes: {
      enums: mergeList(customTypes.enums),
      input_objects: mergeList(customTypes.input_objects),
      objects: mergeList(customTypes.objects),
      scalars: customTypes.scalars ?? [],
    },
  };
}
