/**
 * The `engine` CLI as a user runs it (bin/engine.mjs through node): `serve` on a metadata directory and a real
 * database, graceful shutdown on SIGTERM, `print-schema --role`, and one-line errors (no stack traces) for bad input.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneTemplate, type TestDb } from '../../../stack/src/testing.js';

const BIN = resolve(import.meta.dirname, '../../bin/engine.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const t = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`timeout: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(t);
      res({ code, stdout, stderr });
    });
  });
}

let db: TestDb;
let dir: string;

beforeAll(async () => {
  db = await cloneTemplate();
  dir = await mkdtemp(join(tmpdir(), 'engine-cli-'));
  await mkdir(join(dir, 'databases'), { recursive: true });
  await writeFile(join(dir, 'version.yaml'), 'version: 3\n');
  await writeFile(
    join(dir, 'databases', 'databases.yaml'),
    [
      '- name: default',
      '  kind: postgres',
      '  configuration:',
      '    connection_info:',
      '      database_url:',
      '        from_env: HASURA_GRAPHQL_DATABASE_URL',
      '  tables:',
      '    - table: { schema: public, name: seasons }',
      '      select_permissions:',
      '        - role: anonymous',
      '          permission: { columns: [season_code, year], filter: {} }',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.drop();
});

describe('engine CLI', () => {
  it('serve: answers on the announced URL (console off, Hasura’s default) and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--metadata', dir, '--port', '0'], {
      env: { PATH: process.env['PATH'] ?? '', HASURA_GRAPHQL_DATABASE_URL: db.directUrl('ct_engine') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no URL announced: ${stderr}`)), 60_000);
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /serving (http:\/\/[^/\s]+)\/v1\/graphql/.exec(stderr);
        if (m) {
          clearTimeout(t);
          res(m[1] as string);
        }
      });
    });
    expect(stderr).not.toContain('/console');
    expect(stderr).not.toContain(db.directUrl('ct_engine'));
    const r = await fetch(`${url}/v1/graphql`, {
      method: 'POST',
      headers: { 'x-hasura-role': 'anonymous' },
      body: JSON.stringify({ query: '{ seasons(limit: 1) { year } }' }),
    });
    expect(((await r.json()) as { data: { seasons: unknown[] } }).data.seasons).toHaveLength(1);
    expect((await fetch(`${url}/console`)).status).toBe(404);
    const exited = new Promise<number | null>((res) => child.on('exit', res));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it("print-schema prints the role's SDL on stdout", async () => {
    const r = await runCli([
      'print-schema',
      '--role',
      'anonymous',
      '--metadata',
      dir,
      '--database-url',
      db.directUrl('ct_engine'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/type seasons \{/);
    expect(r.stdout).toContain('season_code');
    expect(r.stdout).not.toMatch(/\bterm\b/);
  });

  it.each([
    [['serve', '--bogus'], 2, 'unknown option --bogus'],
    [['serve', '--port', 'x', '--database-url', 'postgres://a@b/c'], 2, '--port must be a port number'],
    [['print-schema'], 2, 'print-schema needs --role'],
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [
      ['serve', '--metadata', '/no/such/dir', '--database-url', 'postgres://a@127.0.0.1:1/c'],
      1,
      'metadata directory not found',
    ],
    [['serve', '--metadata', '.'], 1, 'no database URL'],
  ])('%j → exit %i with a one-line error', async (args, code, msg) => {
    const r = await runCli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports fatal auth settings and unreachable databases without a stack or the URL', async () => {
    const a = await runCli(['serve', '--metadata', dir, '--database-url', db.directUrl('ct_engine')], {
      HASURA_GRAPHQL_AUTH_HOOK: 'http://127.0.0.1:1/',
    });
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('requires --admin-secret');
    const b = await runCli([
      'print-schema',
      '--role',
      'x',
      '--metadata',
      dir,
      '--database-url',
      'postgres://u:pw-secret@127.0.0.1:1/db',
    ]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('cannot connect to the database');
    expect(b.stderr).not.toContain('pw-secret');
    expect(b.stderr).not.toMatch(/\n\s+at /);
  });
});
