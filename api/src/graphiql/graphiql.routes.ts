/**
 * GraphiQL for users, to explore the public course API in the browser:
 *   GET /api/graphiql                  the page
 *   GET /api/graphiql/assets/<name>    its scripts and stylesheet (a fixed list; no request path reaches the disk)
 *
 * The deployed system turns Hasura's admin console (`/console`, admin only) off, so this page is what users get.
 * It is served offline, like engine/src/server/console.ts: graphiql@4.1.2's UMD bundle with react@18 and
 * react-dom@18 UMD, read from node_modules (the API's own dependencies: the API image has no engine package). The
 * page queries `/v1/graphql` on its own origin with the session cookie (graphiql.boot.ts).
 *
 * Its Content-Security-Policy replaces helmet's default on these responses: scripts only from this origin and never
 * inline (the boot script is an asset too); styles from this origin plus inline ones, because GraphiQL's dialogs
 * insert `<style>` elements (refused without 'unsafe-inline'); images and fonts also as `data:` URIs, which
 * graphiql.min.css embeds (its fonts are refused without `font-src data:`); requests only to this origin (the
 * GraphQL endpoint); no frames, forms, plugins or `<base>`. Each allowance was checked in Chromium by removing it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router, type Response } from 'express';
import { ApiError } from '../errors.js';
import { BOOT_SCRIPT } from './graphiql.boot.js';

export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Where the page's fetcher posts: the GraphQL engine behind the same origin (Traefik routes /v1/graphql to it). */
export const GRAPHQL_ENDPOINT = '/v1/graphql';
const ASSET_BASE = '/api/graphiql/assets/';

const JS = 'text/javascript; charset=utf-8';
const require = createRequire(import.meta.url);
const pkgFile = (pkg: string, file: string) => (): Promise<Buffer> =>
  readFile(join(dirname(require.resolve(`${pkg}/package.json`)), file));

/** The only files under /api/graphiql/assets/, in the order the page loads them. */
const ASSETS: Record<string, { type: string; load: () => Promise<Buffer> }> = {
  'graphiql.min.css': { type: 'text/css; charset=utf-8', load: pkgFile('graphiql', 'graphiql.min.css') },
  'react.production.min.js': { type: JS, load: pkgFile('react', 'umd/react.production.min.js') },
  'react-dom.production.min.js': { type: JS, load: pkgFile('react-dom', 'umd/react-dom.production.min.js') },
  'graphiql.min.js': { type: JS, load: pkgFile('graphiql', 'graphiql.min.js') },
  'graphiql-boot.js': { type: JS, load: () => Promise.resolve(Buffer.from(BOOT_SCRIPT)) },
};

const DEFAULT_QUERY = `# CourseTable's GraphQL API. Logged in, you query with your own access (your session cookie is sent);
# otherwise as an anonymous visitor. Ctrl-Enter runs the query; the Docs panel lists every type and field.
query LatestSeasons {
  seasons(order_by: { season_code: desc }, limit: 2) {
    season_code
    term
    year
    courses(limit: 5, order_by: { title: asc }) {
      course_id
      title
    }
  }
}
`;

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function page(): string {
  const scripts = Object.keys(ASSETS)
    .filter((name) => name.endsWith('.js'))
    .map((name) => `<script src="${ASSET_BASE}${name}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>GraphiQL · CourseTable</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="${ASSET_BASE}graphiql.min.css" />
</head>
<body style="height: 100vh; margin: 0">
<div id="graphiql" style="height: 100%" data-endpoint="${GRAPHQL_ENDPOINT}" data-default-query="${escapeAttr(DEFAULT_QUERY)}">Loading…</div>
${scripts}
</body>
</html>
`;
}

const cache = new Map<string, Buffer>();

function send(res: Response, type: string, body: Buffer | string, cacheControl: string): void {
  res.set({ 'Content-Security-Policy': GRAPHIQL_CSP, 'Content-Type': type, 'Cache-Control': cacheControl });
  res.send(body);
}

export function graphiqlRouter(): Router {
  const r = Router();
  const html = page();
  r.get('/', (_req, res) => send(res, 'text/html; charset=utf-8', html, 'no-cache'));
  r.get('/assets/:name', async (req, res) => {
    const name = String(req.params['name']);
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new ApiError('not-found');
    let body = cache.get(name);
    if (!body) {
      body = await asset.load();
      cache.set(name, body);
    }
    send(res, asset.type, body, 'public, max-age=86400');
  });
  return r;
}
