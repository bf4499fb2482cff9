/**
 * An offline GraphiQL at `/console` (Hasura serves its console there when `HASURA_GRAPHQL_ENABLE_CONSOLE` is true and
 * the metadata API is enabled; src: Server/App.hs `serveApiConsole`). Per ../shared/reference/platform.md §7 it is
 * graphiql@4.1.2's UMD bundle with react@18/react-dom@18 UMD, all served from node_modules (no CDN). The headers
 * editor is open so a developer can set `x-hasura-role` (and the admin secret, which is never put in the page).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RequestCtx, ServerState } from './context.js';
import { sendText } from './http-io.js';
import { EngineError, encodeApiError } from '../errors.js';

const require = createRequire(import.meta.url);
const pkgDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** The only files served under /console/assets/ (no path from the request reaches the file system). */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.production.min.js': {
    pkg: 'react',
    file: 'umd/react.production.min.js',
    type: 'text/javascript; charset=utf-8',
  },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript; charset=utf-8',
  },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
};

const assetCache = new Map<string, Buffer>();

async function loadAsset(name: string): Promise<Buffer | undefined> {
  const a = ASSETS[name];
  if (a === undefined) return undefined;
  let buf = assetCache.get(name);
  if (buf === undefined) {
    buf = await readFile(join(pkgDir(a.pkg), a.file));
    assetCache.set(name, buf);
  }
  return buf;
}

function consoleHtml(adminSecretSet: boolean): string {
  const initialHeaders = JSON.stringify(
    adminSecretSet ? { 'x-hasura-admin-secret': '', 'x-hasura-role': 'admin' } : { 'x-hasura-role': 'admin' },
    null,
    2,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>GraphiQL · engine</title>
<link rel="stylesheet" href="/console/assets/graphiql.min.css" />
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/console/assets/react.production.min.js"></script>
<script src="/console/assets/react-dom.production.min.js"></script>
<script src="/console/assets/graphiql.min.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: new URL('/v1/graphql', window.location.href).toString() });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultHeaders: ${JSON.stringify(initialHeaders)},
    shouldPersistHeaders: true,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
  }));
</script>
</body>
</html>
`;
}

export async function handleConsole(state: ServerState, ctx: RequestCtx): Promise<void> {
  const path = ctx.url.pathname;
  if (path.startsWith('/console/assets/')) {
    const buf = await loadAsset(path.slice('/console/assets/'.length));
    if (buf === undefined) {
      sendText(ctx.res, 404, 'application/json; charset=utf-8', encodeApiError(EngineError.notFound(), false));
      return;
    }
    ctx.res.setHeader('Cache-Control', 'public, max-age=86400');
    sendText(ctx.res, 200, (ASSETS[path.slice('/console/assets/'.length)] as { type: string }).type, buf);
    return;
  }
  sendText(ctx.res, 200, 'text/html; charset=utf-8', consoleHtml(state.auth.adminSecretSet));
}
