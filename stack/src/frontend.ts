/**
 * The example course browser in the local stack: built once per `npm start` with Vite, served by a tiny static file
 * server, and reached through the gateway under `/course-browser/` (same origin as `/api` and `/v1/graphql`, so the
 * session cookie and the websocket work as in production). Production has no such route: the route lives in a
 * local-only dynamic file the gateway reads besides `traefik/dynamic/`.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { runOk } from './processes.js';

export const FRONTEND_PREFIX = '/course-browser/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** `vite build` of examples/course-browser into `outDir`. */
export async function buildFrontend(repo: string, outDir: string): Promise<void> {
  const vite = join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = join(repo, 'examples', 'course-browser', 'vite.config.ts');
  await runOk(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--emptyOutDir'], {
    cwd: repo,
    timeoutMs: 180_000,
  });
}

/** Serve `dir` under FRONTEND_PREFIX; nothing outside `dir` is reachable. */
export function serveFrontend(dir: string): Promise<{ url: string; server: Server }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const rel = path.startsWith(FRONTEND_PREFIX) ? path.slice(FRONTEND_PREFIX.length) : '';
      const file = normalize(join(root, rel === '' ? 'index.html' : rel));
      if (!file.startsWith(root + sep) || !existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(400).end();
    });
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({ url: `http://127.0.0.1:${port}`, server });
    }),
  );
}

/**
 * A directory of local-only dynamic files for the gateway (GATEWAY_EXTRA_DYNAMIC, file provider): one router for the
 * example course browser served at `url` (no security-headers middleware: its CSP is for API answers). Production has
 * no such route.
 */
export function localDynamicDir(dir: string, url: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'local-course-browser.yml'),
    [
      '# Local only (written by stack/src/frontend.ts): the example course browser.',
      'http:',
      '  routers:',
      '    course-browser:',
      '      entryPoints: [websecure]',
      `      rule: PathPrefix(\`${FRONTEND_PREFIX}\`)`,
      '      service: course-browser',
      '  services:',
      '    course-browser:',
      '      loadBalancer:',
      '        servers:',
      `          - url: ${url}`,
      '',
    ].join('\n'),
  );
  return dir;
}
