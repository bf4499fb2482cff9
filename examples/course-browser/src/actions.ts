/**
 * The worksheet actions (declared in hasura/metadata/actions.graphql, handled by the API). Typed by hand until the
 * engine prints them into hasura/schema/student.graphql; then they move to `client` as generated documents
 * (client/src/documents/pending/worksheet-actions.graphql).
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

export const CreateWorksheetDocument = parse(`
  mutation CreateWorksheet($seasonCode: String!, $name: String!) {
    createWorksheet(season_code: $seasonCode, name: $name) { worksheet_id season_code worksheet_number name private }
  }
`) as TypedDocumentNode<
  {
    createWorksheet: {
      worksheet_id: number;
      season_code: string;
      worksheet_number: number;
      name: string;
      private: boolean;
    };
  },
  { seasonCode: string; name: string }
>;

export const AddWorksheetCourseDocument = parse(`
  mutation AddWorksheetCourse($worksheetId: Int!, $crn: Int!, $color: String!) {
    addWorksheetCourse(worksheet_id: $worksheetId, crn: $crn, color: $color) { worksheet_id crn color hidden }
  }
`) as TypedDocumentNode<
  { addWorksheetCourse: { worksheet_id: number; crn: number; color: string; hidden: boolean } },
  { worksheetId: number; crn: number; color: string }
>;
