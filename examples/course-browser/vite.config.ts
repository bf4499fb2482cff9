/**
 * Vite config of the course browser. `vite build` writes `dist/` with relative asset URLs, so the gateway (or any
 * static server) can serve it under any path. In dev/preview, `/api` and `/v1/graphql` (HTTP and websocket) are
 * proxied to the API and the engine so the page, the session cookie and GraphQL share one origin:
 *   COURSE_BROWSER_API=http://127.0.0.1:4000 COURSE_BROWSER_GRAPHQL=http://127.0.0.1:8080 npx vite -c examples/course-browser/vite.config.ts
 * Without those variables, the URLs of a running `npm start`/`npm run up` stack are read from `.stack/stack.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const stackFile = fileURLToPath(new URL('../../.stack/stack.json', import.meta.url));

function localStackUrls(): Record<string, string> {
  if (!existsSync(stackFile)) return {};
  const info = JSON.parse(readFileSync(stackFile, 'utf8')) as { urls?: Record<string, string> };
  return info.urls ?? {};
}

/** The proxy table for `/api` and `/v1/graphql`. */
export function courseBrowserProxy(apiUrl: string, graphqlUrl: string): Record<string, ProxyOptions> {
  return {
    '/api': { target: apiUrl, changeOrigin: false },
    '/v1/graphql': { target: graphqlUrl, changeOrigin: false, ws: true },
  };
}

const urls = localStackUrls();
const api = process.env['COURSE_BROWSER_API'] ?? urls['api'] ?? urls['gateway'] ?? 'http://127.0.0.1:4000';
const graphql = process.env['COURSE_BROWSER_GRAPHQL'] ?? urls['engine'] ?? urls['gateway'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: true },
  server: { host: '127.0.0.1', proxy: courseBrowserProxy(api, graphql) },
  preview: { host: '127.0.0.1', proxy: courseBrowserProxy(api, graphql) },
});
