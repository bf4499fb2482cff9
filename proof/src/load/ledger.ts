/**
 * Every write the virtual users attempted, with a client-made marker that identifies it in the database (a
 * worksheet name with a UUID, a worksheet+CRN with a random color, an email), and whether it was acknowledged (the
 * answer said it succeeded). The verdict compares this with the database afterwards.
 */

export type WriteKind = 'signup' | 'createWorksheet' | 'addWorksheetCourse';

export interface WriteRecord {
  kind: WriteKind;
  /** the virtual user's index */
  user: number;
  /** the database user id of the writer (known once signed up) */
  userId: number | undefined;
  /** worksheet name, `worksheetId/crn`, or email */
  marker: string;
  acked: boolean;
  /** recorder time the request started and ended */
  start: number;
  end: number;
  worksheetId?: number;
  crn?: number;
  color?: string;
}

export class Ledger {
  readonly writes: WriteRecord[] = [];

  add(w: WriteRecord): WriteRecord {
    this.writes.push(w);
    return w;
  }

  of(kind: WriteKind): WriteRecord[] {
    return this.writes.filter((w) => w.kind === kind);
  }
}
