/**
 * Static catalog generation (CourseTable's fast path): per season, `public/<season>.json` from the anonymous role's
 * view and `evals/<season>.json` from the student_evals role's view, fetched from the GraphQL engine with
 * graphql-request and the typed documents that codegen.ts generates from catalog.queries.graphql (admin secret + an explicit
 * role, so the engine's permissions still shape the data, row limits included: public listings are read in pages)
 * and written atomically (temp file + rename).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import {
  CatalogEvalsDocument,
  CatalogPublicDocument,
  CatalogSeasonsDocument,
  type CatalogPublicQuery,
} from '../generated/graphql.js';

export interface CatalogOptions {
  graphqlUrl: string;
  adminSecret: string | undefined;
  dir: string;
}

function client(opts: CatalogOptions, role: 'anonymous' | 'student_evals'): GraphQLClient {
  const headers: Record<string, string> = { 'x-hasura-role': role };
  if (opts.adminSecret) headers['x-hasura-admin-secret'] = opts.adminSecret;
  return new GraphQLClient(opts.graphqlUrl, { headers });
}

async function writeAtomic(path: string, data: unknown): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, path);
}

/** Rows asked for per CatalogPublic page (the anonymous role's row limit may return fewer). */
const PAGE = 1000;

/**
 * All listings of a season as the anonymous role sees them. The role's select permissions cap each answer at their
 * `limit`, so pages are read until one comes back empty, advancing by what each page returned.
 */
async function publicListings(opts: CatalogOptions, season: string): Promise<CatalogPublicQuery['listings']> {
  const anonymous = client(opts, 'anonymous');
  const all: CatalogPublicQuery['listings'] = [];
  for (;;) {
    const { listings: page } = await anonymous.request(CatalogPublicDocument, {
      season,
      limit: PAGE,
      offset: all.length,
    });
    if (page.length === 0) return all;
    all.push(...page);
  }
}

export async function listSeasons(opts: CatalogOptions, limit = 100): Promise<string[]> {
  const r = await client(opts, 'anonymous').request(CatalogSeasonsDocument, { limit });
  return r.seasons.map((s) => s.season_code);
}

/** Regenerates the given seasons (default: the latest `latest` seasons). Returns the seasons written. */
export async function generateCatalog(opts: CatalogOptions, seasons?: string[], latest = 4): Promise<string[]> {
  const chosen = seasons ?? (await listSeasons(opts, latest));
  await mkdir(join(opts.dir, 'public'), { recursive: true });
  await mkdir(join(opts.dir, 'evals'), { recursive: true });
  for (const season of chosen) {
    await writeAtomic(join(opts.dir, 'public', `${season}.json`), await publicListings(opts, season));
    const ev = await client(opts, 'student_evals').request(CatalogEvalsDocument, { season });
    await writeAtomic(join(opts.dir, 'evals', `${season}.json`), ev.courses);
  }
  await writeAtomic(join(opts.dir, 'metadata.json'), { last_update: new Date().toISOString(), seasons: chosen });
  return chosen;
}
