/**
 * The response envelope, built here only: `{"data":{…}}` from the root fields' JSON texts, stitched without parsing
 * (Postgres built the JSON).
 */
import type { FieldText } from '../executor/execute-compiled.js';

export type { FieldText };

export function dataBody(fields: readonly FieldText[]): string {
  return `{"data":{${fields.map((f) => `${JSON.stringify(f.alias)}:${f.json}`).join(',')}}}`;
}
