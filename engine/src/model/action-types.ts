/**
 * Actions and custom types, as resolved from metadata by model/resolve-actions.ts (src: Hasura/RQL/Types/Action.hs
 * `ActionDefinition`, Hasura/RQL/Types/CustomTypes.hs).
 */
import type { RequestTransform, ResponseTransform } from '../transforms/transform-metadata.js';

export interface ActionInfo {
  readonly name: string;
  readonly type: 'query' | 'mutation';
  readonly asynchronous: boolean;
  readonly handler: string;
  readonly arguments: readonly { readonly name: string; readonly type: string; readonly description: string | null }[];
  readonly outputType: string;
  readonly forwardClientHeaders: boolean;
  readonly headers: readonly ({ name: string; value: string } | { name: string; value_from_env: string })[];
  /** Seconds (default 30, src: Action.hs `defaultActionTimeoutSecs`). */
  readonly timeout: number;
  readonly roles: ReadonlySet<string>;
  readonly description: string | null;
  /** `request_transform` / `response_transform` (actions/transform-metadata.ts); null when absent. */
  readonly requestTransform: RequestTransform | null;
  readonly responseTransform: ResponseTransform | null;
}

export interface CustomField {
  readonly name: string;
  readonly type: string;
  readonly description: string | null;
}

export interface CustomRelationship {
  readonly name: string;
  readonly kind: 'object' | 'array';
  readonly target: string;
  /** [output field, remote column]. */
  readonly mapping: readonly (readonly [string, string])[];
}

export interface CustomObject {
  readonly name: string;
  readonly description: string | null;
  readonly fields: readonly CustomField[];
  readonly relationships: readonly CustomRelationship[];
}

export interface ActionsModel {
  readonly actions: readonly ActionInfo[];
  readonly objects: ReadonlyMap<string, CustomObject>;
  readonly inputs: ReadonlyMap<
    string,
    { readonly name: string; readonly description: string | null; readonly fields: readonly CustomField[] }
  >;
  readonly enums: ReadonlyMap<
    string,
    {
      readonly name: string;
      readonly description: string | null;
      readonly values: readonly { readonly value: string; readonly description: string | null }[];
    }
  >;
  readonly scalars: ReadonlyMap<string, { readonly name: string; readonly description: string | null }>;
}
