/**
 * `engine serve` started as the local stack will start it: `node engine/bin/engine.mjs serve`, no flags, with exactly
 * the keys of the graphql-engine service's environment in docker-compose.yml (only addresses and secrets swapped for
 * local ones): the default source through pgbouncer as ct_engine, the metadata database straight to Postgres as
 * ct_owner, the metadata directory from HASURA_GRAPHQL_METADATA_DIR (the working directory has no hasura/metadata).
 * It must answer /healthz and /v1/graphql; a bad value, a typo or an unreachable metadata database must stop it at
 * once with exit 1 and one line that carries no secret.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate } from '../../../stack/src/testing.js';
import type { TestDb } from '../../../stack/src/testing.js';
import { composeEngineEnv } from '../compose-env.js';

const BIN = resolve(import.meta.dirname, '../../bin/engine.mjs');
const METADATA = resolve(import.meta.dirname, '../../../hasura/metadata');
const ADMIN_SECRET = 'compose-env-test-admin-secret';

let db: TestDb;
let hook: Server;
let hookUrl = '';
let cwd = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

/** The compose keys, with local values where compose names a host, a secret or the port. */
async function localComposeEnv(): Promise<Record<string, string>> {
  const compose = composeEngineEnv();
  const local: Record<string, string> = {
    HASURA_GRAPHQL_DATABASE_URL: db.bouncerUrl('ct_engine'),
    HASURA_GRAPHQL_METADATA_DATABASE_URL: db.directUrl('ct_owner'),
    HASURA_GRAPHQL_METADATA_DIR: METADATA,
    HASURA_GRAPHQL_ADMIN_SECRET: ADMIN_SECRET,
    HASURA_GRAPHQL_AUTH_HOOK: `${hookUrl}/api/hasura/auth`,
    HASURA_GRAPHQL_CORS_DOMAIN: 'http://localhost:3000',
    HASURA_GRAPHQL_SERVER_PORT: String(await freePort()),
    API_BASE_URL: hookUrl,
    HASURA_ACTION_SECRET: 'a-local-action-secret-of-32-characters',
  };
  for (const k of Object.keys(local)) expect(Object.keys(compose), `compose sets ${k}`).toContain(k);
  return { ...compose, ...local };
}

interface Exit {
  code: number | null;
  stderr: string;
}

function runToExit(env: Record<string, string>): Promise<Exit> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`still running: ${stderr}`));
    }, 30_000);
    child.on('exit', (code) => {
      clearTimeout(t);
      res({ code, stderr });
    });
  });
}

beforeAll(async () => {
  db = await cloneTemplate();
  cwd = await mkdtemp(join(tmpdir(), 'engine-compose-env-'));
  hook = createServer((req, res) => {
    res.writeHead(req.url === '/api/hasura/auth' ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ 'X-Hasura-Role': 'anonymous' }));
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => hook.close(r));
  await rm(cwd, { recursive: true, force: true });
  await db.drop();
});

describe('engine serve with the compose graphql-engine environment', () => {
  it('starts without flags and answers /healthz and /v1/graphql', async () => {
    const env = await localComposeEnv();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    try {
      const url = await new Promise<string>((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no URL announced: ${stderr}`)), 60_000);
        child.on('exit', (code) => rej(new Error(`exited ${code}: ${stderr}`)));
        child.stderr.on('data', (c: Buffer) => {
          stderr += c.toString();
          const m = /serving (http:\/\/[^/\s]+)\/v1\/graphql/.exec(stderr);
          if (m) {
            clearTimeout(t);
            res(m[1] as string);
          }
        });
      });
      expect(url).toBe(`http://127.0.0.1:${env['HASURA_GRAPHQL_SERVER_PORT']}`);
      expect(stderr).not.toContain('console');
      expect(stderr).not.toMatch(/inconsistent/);
      const health = await fetch(`${url}/healthz`);
      expect([health.status, await health.text()]).toEqual([200, 'OK']);
      const r = await fetch(`${url}/v1/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ seasons(limit: 1) { season_code } }' }),
      });
      const body = (await r.json()) as { data?: { seasons: unknown[] } };
      expect(body.data?.seasons).toHaveLength(1);
      // HASURA_GRAPHQL_ENABLED_APIS=graphql,metadata and HASURA_GRAPHQL_ENABLE_CONSOLE=false, as compose says
      expect(
        (await fetch(`${url}/v1alpha1/config`, { headers: { 'x-hasura-admin-secret': ADMIN_SECRET } })).status,
      ).toBe(404);
      expect((await fetch(`${url}/console`)).status).toBe(404);
      const exited = new Promise<number | null>((res) => child.on('exit', res));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(stderr).not.toContain(ADMIN_SECRET);
    expect(stderr).not.toContain(db.directUrl('ct_owner'));
  });

  it.each([
    [
      { HASURA_GRAPHQL_DEV_MODE: 'maybe' },
      'engine: HASURA_GRAPHQL_DEV_MODE: invalid value "maybe": expected a boolean',
    ],
    [{ HASURA_GRAPHQL_ENABLED_APIS: 'graphql,metadta' }, 'engine: HASURA_GRAPHQL_ENABLED_APIS: invalid value'],
    [
      { HASURA_GRAPHQL_ENABLE_CONSOL: 'false' },
      'engine: HASURA_GRAPHQL_ENABLE_CONSOL is not a variable of Hasura v2.48 (did you mean HASURA_GRAPHQL_ENABLE_CONSOLE?)',
    ],
    [{ HASURA_GRAPHQL_ENABLE_ALLOWLIST: 'true' }, 'engine: HASURA_GRAPHQL_ENABLE_ALLOWLIST="true" is not supported'],
    [
      { HASURA_GRAPHQL_METADATA_DATABASE_URL: 'postgres://ct_owner:pw-sekrit@127.0.0.1:1/coursetable' },
      'engine: cannot connect to the metadata database (HASURA_GRAPHQL_METADATA_DATABASE_URL): ECONNREFUSED',
    ],
    [{ HASURA_GRAPHQL_METADATA_DIR: '/no/such/metadata' }, 'engine: metadata directory not found: /no/such/metadata'],
  ])('%j → exit 1 with one line', async (change, line) => {
    const r = await runToExit({ ...(await localComposeEnv()), ...change });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(line);
    expect(r.stderr).not.toContain('sekrit');
    expect(r.stderr).not.toContain(ADMIN_SECRET);
  });
});
