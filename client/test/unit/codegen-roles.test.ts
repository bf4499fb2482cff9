/**
 * Codegen is the gate that keeps a frontend document inside what its role may see: the documents of
 * `client/src/documents/<role>/` compile only against `hasura/schema/<role>.graphql`. These tests run codegen in
 * memory (no server, no network) against the committed schemas.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate as generateUntyped, type CodegenConfig } from '@graphql-codegen/cli';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import config, { CLIENT_ROLES, clientTarget } from '../../../codegen.js';
import { stripGuardedSelections } from '../../src/strip-guarded.js';

interface Output {
  filename: string;
  content: string;
}
/** `generate(config, false)` returns the outputs instead of writing them (its declared type is `any`). */
const generate = generateUntyped as (config: CodegenConfig, saveToFile: boolean) => Promise<Output[]>;

const tmp = mkdtempSync(join(tmpdir(), 'ct-codegen-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function documentFile(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

/** Run the client-preset generation of `role` over `documents` in memory. */
async function generateFor(role: string, documents: string[]): Promise<Output[]> {
  return generate(
    { silent: true, errorsOnly: true, generates: { [join(tmp, `out-${role}`) + '/']: clientTarget(role, documents) } },
    false,
  );
}

const schemaOf = (role: string) => buildSchema(readFileSync(`hasura/schema/${role}.graphql`, 'utf8'));

const EVAL_FIELD_DOC = `
  query CourseRating($courseId: Int!) {
    courses_by_pk(course_id: $courseId) { course_id title average_rating }
  }
`;

describe('codegen per role', { timeout: 60_000 }, () => {
  it('fails for anonymous when a document selects an evaluation field', async () => {
    const file = documentFile('course-rating.graphql', EVAL_FIELD_DOC);
    await expect(generateFor('anonymous', [file])).rejects.toThrow(/average_rating/);
    await expect(generateFor('student', [file])).rejects.toThrow(/average_rating/);
  });

  it('accepts the same document for student_evals (control)', async () => {
    const file = documentFile('course-rating-evals.graphql', EVAL_FIELD_DOC);
    const out = await generateFor('student_evals', [file]);
    const graphqlTs = out.find((o) => o.filename.endsWith('graphql.ts'));
    expect(graphqlTs?.content).toContain('average_rating');
  });

  it('fails for anonymous when a document reads user data', async () => {
    const file = documentFile('worksheets.graphql', 'query W { worksheets { worksheet_id name } }');
    await expect(generateFor('anonymous', [file])).rejects.toThrow(/worksheets/);
  });

  it('fails for anonymous on an evaluation field even under @include (the guard is for runtime, not for codegen)', async () => {
    const file = documentFile(
      'guarded.graphql',
      'query G($id: Int!, $hasEvals: Boolean!) { courses_by_pk(course_id: $id) { title average_rating @include(if: $hasEvals) } }',
    );
    await expect(generateFor('anonymous', [file])).rejects.toThrow(/average_rating/);
  });

  it('committed client and API output is what codegen.ts generates now (stale check)', async () => {
    const out = await generate({ ...config, silent: true, errorsOnly: true }, false);
    expect(out.length).toBeGreaterThan(0);
    const stale = out.filter((o) => {
      try {
        return readFileSync(o.filename, 'utf8') !== o.content;
      } catch {
        return true;
      }
    });
    expect(stale.map((o) => o.filename)).toEqual([]);
  });
});

describe('documents guarded by $hasEvals', { timeout: 60_000 }, () => {
  const detail = parse(readFileSync('client/src/documents/student_evals/course-detail.graphql', 'utf8'));

  it('are valid for anonymous and student once the guarded selections are removed', () => {
    const stripped: DocumentNode = stripGuardedSelections(detail, 'hasEvals');
    for (const role of ['anonymous', 'student'])
      expect(validate(schemaOf(role), stripped).map((e) => e.message)).toEqual([]);
  });

  it('are not valid for anonymous as written (control: the stripping matters)', () => {
    expect(validate(schemaOf('anonymous'), detail).length).toBeGreaterThan(0);
  });

  it('every role folder has documents and they are valid for that role', async () => {
    for (const role of CLIENT_ROLES) {
      const out = await generateFor(role, [`client/src/documents/${role}/**/*.graphql`]);
      expect(out.some((o) => o.filename.endsWith('graphql.ts') && o.content.includes('Document ='))).toBe(true);
    }
  });
});

describe('action documents', () => {
  it('are compiled against the student schema, which the engine prints with the actions', () => {
    const student = schemaOf('student');
    expect(student.getMutationType()?.getFields()['addWorksheetCourse']).toBeDefined();
    expect(schemaOf('anonymous').getMutationType()?.getFields()['addWorksheetCourse']).toBeUndefined();
    const typo = parse('mutation { addWorksheetCourse(worksheetId: 1, crn: 2, color: "#000000") { crn } }');
    expect(validate(student, typo).length).toBeGreaterThan(0);
  });
});
