/**
 * Reads CourseTable's user database (`coursetable_data`, the tables of its Drizzle schema `api/drizzle/schema.ts`:
 * camelCase quoted names) in one read-only, repeatable-read transaction, so the copy is one consistent snapshot even
 * while CourseTable is still running. Only reads: the source is never written.
 */
import type pg from 'pg';

export interface CtSettings {
  netId: string;
  evaluationsEnabled: boolean;
  evaluationsRevoked: boolean;
  firstName: string | null;
  lastName: string | null;
  preferredFirstName: string | null;
  preferredLastName: string | null;
  email: string | null;
  school: string | null;
  year: string | null;
  major: string | null;
  nameVisibility: string;
  yearVisibility: string;
  schoolVisibility: string;
  majorVisibility: string;
}
export interface CtWorksheet {
  id: number;
  netId: string;
  season: number;
  worksheetNumber: number;
  name: string;
  private: boolean;
}
export interface CtWorksheetCourse {
  worksheetId: number;
  crn: number;
  color: string;
  hidden: boolean | null;
}
export interface CtWishlist {
  netId: string;
  season: number;
  crn: number;
}
export interface CtPair {
  netId: string;
  friendNetId: string;
}
export interface CtSavedSearch {
  netId: string;
  name: string;
  queryString: string;
  createdAt: string;
}

export interface CtData {
  settings: CtSettings[];
  worksheets: CtWorksheet[];
  worksheetCourses: CtWorksheetCourse[];
  wishlist: CtWishlist[];
  friends: CtPair[];
  friendRequests: CtPair[];
  savedSearches: CtSavedSearch[];
}

const QUERIES: Record<keyof CtData, string> = {
  settings: `select "netId", "evaluationsEnabled", "evaluationsRevoked", "firstName", "lastName",
                    "preferredFirstName", "preferredLastName", "email", "school", "year"::text as "year", "major",
                    "nameVisibility"::text as "nameVisibility", "yearVisibility"::text as "yearVisibility",
                    "schoolVisibility"::text as "schoolVisibility", "majorVisibility"::text as "majorVisibility"
               from "studentBluebookSettings" order by "netId"`,
  worksheets: `select "id", "netId", "season", "worksheetNumber", "name", "private" from "worksheets" order by "id"`,
  worksheetCourses: `select "worksheetId", "crn", "color", "hidden" from "worksheetCourses" order by "id"`,
  wishlist: `select "netId", "season", "crn" from "wishlistCourses" order by "id"`,
  friends: `select "netId", "friendNetId" from "studentFriends" order by "id"`,
  friendRequests: `select "netId", "friendNetId" from "studentFriendRequests" order by "id"`,
  savedSearches: `select "netId", "name", "queryString", "createdAt"::text as "createdAt" from "savedSearches" order by "id"`,
};

export async function readCourseTable(source: pg.ClientBase): Promise<CtData> {
  await source.query('begin isolation level repeatable read read only');
  try {
    const out = {} as Record<keyof CtData, unknown[]>;
    for (const [key, sql] of Object.entries(QUERIES) as Array<[keyof CtData, string]>) {
      out[key] = (await source.query(sql)).rows;
    }
    return out as unknown as CtData;
  } finally {
    await source.query('rollback');
  }
}
