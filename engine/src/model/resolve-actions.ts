/**
 * Actions and custom types from metadata (src: Hasura/RQL/Types/Action.hs `ActionDefinition`, Hasura/RQL/Types/
 * CustomTypes.hs; docs: api-reference/metadata-api/actions.mdx). The CLI has already merged actions.graphql into
 * `arguments`/`output_type`/`type` (metadata/merge-actions-sdl.ts).
 */
import type { HasuraMetadata, InconsistentObject } from '../metadata/types.js';
import { qualify } from '../metadata/types.js';
import type { RequestTransform, ResponseTransform } from '../transforms/transform-metadata.js';
import {
  parseRequestTransform,
  parseResponseTransform,
  TransformShapeError,
} from '../transforms/transform-metadata.js';
import type { ActionInfo, ActionsModel, CustomField, CustomObject } from './action-types.js';
import { tableKey } from './model-types.js';

type Loose = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function fields(v: unknown): CustomField[] {
  return ((v ?? []) as Loose[]).map((f) => ({
    name: String(f['name']),
    type: String(f['type']),
    description: str(f['description']),
  }));
}

/** Parse an action's transforms; a malformed one makes the action inconsistent (it is left out). */
function transforms(
  d: Record<string, unknown>,
): { request: RequestTransform | null; response: ResponseTransform | null } | string {
  try {
    const rq = d['request_transform'];
    const rs = d['response_transform'];
    return {
      request: rq === undefined || rq === null ? null : parseRequestTransform(rq, '$.definition.request_transform'),
      response: rs === undefined || rs === null ? null : parseResponseTransform(rs, '$.definition.response_transform'),
    };
  } catch (e) {
    if (e instanceof TransformShapeError) return e.message;
    throw e;
  }
}

export function resolveActions(md: HasuraMetadata, inconsistencies: InconsistentObject[] = []): ActionsModel {
  const ct = md.custom_types ?? {};
  const objects = new Map<string, CustomObject>();
  for (const o of (ct.objects ?? []) as Loose[]) {
    const rels = ((o['relationships'] ?? []) as Loose[]).map((r) => {
      const q = qualify((r['remote_table'] ?? '') as string);
      return {
        name: String(r['name']),
        kind: r['type'] === 'array' ? ('array' as const) : ('object' as const),
        target: tableKey(q.schema, q.name),
        mapping: Object.entries((r['field_mapping'] ?? {}) as Record<string, string>),
      };
    });
    objects.set(String(o['name']), {
      name: String(o['name']),
      description: str(o['description']),
      fields: fields(o['fields']),
      relationships: rels,
    });
  }
  const inputs = new Map(
    ((ct.input_objects ?? []) as Loose[]).map((i) => [
      String(i['name']),
      { name: String(i['name']), description: str(i['description']), fields: fields(i['fields']) },
    ]),
  );
  const enums = new Map(
    ((ct.enums ?? []) as Loose[]).map((e) => [
      String(e['name']),
      {
        name: String(e['name']),
        description: str(e['description']),
        values: ((e['values'] ?? []) as Loose[]).map((v) => ({
          value: String(v['value']),
          description: str(v['description']),
        })),
      },
    ]),
  );
  const scalars = new Map(
    ((ct.scalars ?? []) as Loose[]).map((s) => [
      String(s['name']),
      { name: String(s['name']), description: str(s['description']) },
    ]),
  );
  const actions: ActionInfo[] = [];
  for (const a of md.actions ?? []) {
    const d = a.definition;
    const t = transforms(d);
    if (typeof t === 'string') {
      inconsistencies.push({
        type: 'action',
        name: `action ${a.name}`,
        reason: `Inconsistent object: in action "${a.name}": ${t}`,
        definition: a,
      });
      continue;
    }
    actions.push({
      name: a.name,
      type: d.type === 'query' ? 'query' : 'mutation',
      asynchronous: d.kind === 'asynchronous',
      handler: d.handler,
      arguments: (d.arguments ?? []).map((x) => ({ name: x.name, type: x.type, description: x.description ?? null })),
      outputType: d.output_type ?? 'Boolean',
      forwardClientHeaders: d.forward_client_headers === true,
      headers: d.headers ?? [],
      timeout: typeof d.timeout === 'number' && d.timeout > 0 ? d.timeout : 30,
      roles: new Set((a.permissions ?? []).map((p) => p.role)),
      description: a.comment ?? null,
      requestTransform: t.request,
      responseTransform: t.response,
    });
  }
  return { actions, objects, inputs, enums, scalars };
}
