/**
 * Builds the `where` and `order_by` of the `CourseSearch` document from a plain filter, in the shape Hasura v2
 * expects: no `null` operator values (v2 rejects them), jsonb `_contains` for areas/skills, `_ilike` with the
 * user's text escaped so `%` and `_` match literally.
 */
import type { Listings_Bool_Exp, Listings_Order_By, Order_By } from './generated/anonymous/graphql.js';

export interface CourseSearchFilter {
  seasonCode: string;
  /** Subject code, e.g. "CPSC" (exact). */
  subject?: string | undefined;
  /** Every given area code must be among the course's areas (e.g. ["Hu"]). */
  areas?: readonly string[] | undefined;
  /** Every given skill code must be among the course's skills (e.g. ["QR"]). */
  skills?: readonly string[] | undefined;
  /** Exact number of credits, or a range. */
  credits?: number | { min?: number | undefined; max?: number | undefined } | undefined;
  /** Case-insensitive substring of the title or the course code. */
  text?: string | undefined;
}

export const COURSE_SEARCH_ORDERS = ['course_code', 'title', 'credits', 'subject'] as const;
export type CourseSearchOrder = (typeof COURSE_SEARCH_ORDERS)[number];

/** `%text%` for `_ilike`, with LIKE's wildcards and escape character in `text` escaped. */
export function ilikeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function courseSearchWhere(f: CourseSearchFilter): Listings_Bool_Exp {
  const and: Listings_Bool_Exp[] = [{ season_code: { _eq: f.seasonCode } }];
  const subject = f.subject?.trim();
  if (subject) and.push({ subject: { _eq: subject.toUpperCase() } });
  if (f.areas && f.areas.length > 0) and.push({ course: { areas: { _contains: [...f.areas] } } });
  if (f.skills && f.skills.length > 0) and.push({ course: { skills: { _contains: [...f.skills] } } });
  if (typeof f.credits === 'number') and.push({ course: { credits: { _eq: f.credits } } });
  else if (f.credits) {
    if (f.credits.min !== undefined) and.push({ course: { credits: { _gte: f.credits.min } } });
    if (f.credits.max !== undefined) and.push({ course: { credits: { _lte: f.credits.max } } });
  }
  const text = f.text?.trim();
  if (text) {
    const pattern = ilikeContains(text);
    and.push({ _or: [{ course: { title: { _ilike: pattern } } }, { course_code: { _ilike: pattern } }] });
  }
  return and.length === 1 ? (and[0] as Listings_Bool_Exp) : { _and: and };
}

/** A stable ordering: the chosen key first, then course code, section and listing id as tie-breakers. */
export function courseSearchOrderBy(
  order: CourseSearchOrder = 'course_code',
  direction: 'asc' | 'desc' = 'asc',
): Listings_Order_By[] {
  const dir: Order_By = direction;
  const first: Listings_Order_By =
    order === 'title'
      ? { course: { title: dir } }
      : order === 'credits'
        ? { course: { credits: direction === 'asc' ? 'asc_nulls_last' : 'desc_nulls_last' } }
        : order === 'subject'
          ? { subject: dir }
          : { course_code: dir };
  return [first, { course_code: 'asc' }, { section: 'asc' }, { listing_id: 'asc' }];
}

/** Variables of `CourseSearch` for page `page` (0-based) of `pageSize`; one extra row tells whether a next page exists. */
export function courseSearchVariables(
  f: CourseSearchFilter,
  opts: { order?: CourseSearchOrder; direction?: 'asc' | 'desc'; page?: number; pageSize?: number } = {},
): { where: Listings_Bool_Exp; orderBy: Listings_Order_By[]; limit: number; offset: number } {
  const pageSize = opts.pageSize ?? 20;
  return {
    where: courseSearchWhere(f),
    orderBy: courseSearchOrderBy(opts.order, opts.direction),
    limit: pageSize + 1,
    offset: (opts.page ?? 0) * pageSize,
  };
}

/** Splits a `limit + 1` result into the page and whether there is a next one. */
export function pageOf<T>(rows: readonly T[], pageSize = 20): { rows: T[]; hasNext: boolean } {
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}
