import { readFileSync } from 'node:fs';
import { buildSchema, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AddWorksheetCourseDocument, CreateWorksheetDocument } from '../../src/actions.js';

describe('the hand-typed worksheet action documents', () => {
  it('match hasura/metadata/actions.graphql', () => {
    const schema = buildSchema(
      `type Query { _unused: Int }\n${readFileSync('hasura/metadata/actions.graphql', 'utf8')}`,
    );
    for (const doc of [CreateWorksheetDocument, AddWorksheetCourseDocument]) {
      expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    }
  });
});
