/**
 * The stack's control socket (<stack dir>/control.sock), the local stand-in for the Docker API's container
 * operations: another process (a test file, `npm run down`) can kill, stop, start or restart a replica of a stack it
 * did not start, and read its state. HTTP over a unix socket, readable only by its owner.
 *
 *   GET  /state                              the stack's state (state.ts)
 *   POST /replicas/<name>/kill   {signal}    docker kill
 *   POST /replicas/<name>/stop               docker stop
 *   POST /replicas/<name>/start              docker start (waits until healthy)
 *   POST /replicas/<name>/restart            docker restart (waits until healthy)
 *   POST /stop                               docker compose down (the supervisor exits afterwards)
 */
import http from 'node:http';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalStack } from './run.js';

export const controlSocket = (dir: string): string => join(dir, 'control.sock');

export async function serveControl(stack: LocalStack, onStop: () => void): Promise<{ close(): Promise<void> }> {
  const path = controlSocket(stack.dir);
  if (existsSync(path)) rmSync(path);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const reply = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        };
        try {
          const url = req.url ?? '/';
          if (req.method === 'GET' && url === '/state') return reply(200, stack.state());
          if (req.method === 'POST' && url === '/stop') {
            reply(202, { stopping: true });
            onStop();
            return;
          }
          const m = /^\/replicas\/([\w.-]+)\/(kill|stop|start|restart)$/.exec(url);
          if (req.method !== 'POST' || m?.[1] === undefined) return reply(404, { error: 'not found' });
          const replica = stack.replica(m[1]);
          const body =
            chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { signal?: string }) : {};
          if (m[2] === 'kill') await replica.kill((body.signal as NodeJS.Signals | undefined) ?? 'SIGKILL');
          else if (m[2] === 'stop') await replica.stop();
          else if (m[2] === 'start') {
            if (replica.state() === 'running') await replica.stop();
            await replica.restart();
          } else await replica.restart();
          return reply(200, { name: replica.name, pid: replica.pid(), state: replica.state() });
        } catch (err) {
          return reply(500, { error: err instanceof Error ? err.message : 'error' });
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One request to a stack's control socket. */
export function control<T>(dir: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath: controlSocket(dir), path, method, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as T & { error?: string };
          if ((res.statusCode ?? 500) >= 400) reject(new Error(parsed.error ?? `control ${path}: ${res.statusCode}`));
          else resolve(parsed);
        });
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
