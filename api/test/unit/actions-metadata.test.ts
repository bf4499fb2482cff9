import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ACTIONS } from '../../src/hasura/actions/index.js';

const root = new URL('../../../hasura/metadata/', import.meta.url);
const yaml = parse(readFileSync(new URL('actions.yaml', root), 'utf8')) as {
  actions: Array<{
    name: string;
    definition: { handler: string; headers: Array<{ name: string; value_from_env?: string }> };
    permissions: Array<{ role: string }>;
  }>;
};
const sdl = readFileSync(new URL('actions.graphql', root), 'utf8');
const mutation = buildSchema(`type Query { _: Boolean }\n${sdl}`).getMutationType() as GraphQLObjectType;

describe('hasura/metadata/actions.*', () => {
  it('declares exactly the actions the API handles, with the secret header and both student roles', () => {
    expect(yaml.actions.map((a) => a.name).sort()).toEqual(ACTIONS.map((a) => a.name).sort());
    for (const a of yaml.actions) {
      expect(a.definition.handler).toBe(`{{API_BASE_URL}}/api/hasura/actions/${a.name}`);
      expect(a.definition.headers).toContainEqual({
        name: 'x-hasura-action-secret',
        value_from_env: 'HASURA_ACTION_SECRET',
      });
      expect(a.permissions.map((p) => p.role).sort()).toEqual(['student', 'student_evals']);
    }
  });

  it('gives each action the same arguments as its zod input schema', () => {
    for (const action of ACTIONS) {
      const field = mutation.getFields()[action.name];
      expect(field, action.name).toBeDefined();
      const shape =
        (action.input instanceof z.ZodObject
          ? action.input
          : (action.input as unknown as { def: { schema?: z.ZodObject } }).def.schema
        )?.shape ?? {};
      expect([action.name, field?.args.map((a) => a.name).sort()]).toEqual([action.name, Object.keys(shape).sort()]);
    }
  });
});
