/**
 * db/pgbouncer, db/pgadmin, db/backup: pgAdmin's import format, pgbouncer 1.18 (the Debian binary the production
 * image installs) started by the unchanged entrypoint.sh (PGBOUNCER_RUN_DIR / PGBOUNCER_CONFIG point it at a temp
 * dir) on our pgbouncer.ini with the userlist it writes, secrets never printed, placeholders refused.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serviceUser } from '../../stack/src/processes.js';
import { REPO_ROOT, sleep } from './helpers.js';

// pgAdmin's servers.json import format (https://www.pgadmin.org/docs/pgadmin4/latest/import_export_servers.html).
const PgAdminServer = z.strictObject({
  Name: z.string().min(1),
  Group: z.string().min(1),
  Host: z.string().min(1),
  Port: z.number().int().min(1).max(65535),
  MaintenanceDB: z.string().min(1),
  Username: z.string().min(1),
  SSLMode: z.enum(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']).optional(),
  ConnectionParameters: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  Shared: z.boolean().optional(),
  Comment: z.string().optional(),
});
const ServersJson = z.strictObject({ Servers: z.record(z.string().regex(/^\d+$/), PgAdminServer) });

describe('db/pgadmin/servers.json', () => {
  it('matches the import format and registers the database through pgbouncer as ct_readonly', () => {
    const parsed = ServersJson.parse(JSON.parse(readFileSync(`${REPO_ROOT}db/pgadmin/servers.json`, 'utf8')));
    const servers = Object.values(parsed.Servers);
    expect(servers).toHaveLength(1);
    expect(servers[0]).toMatchObject({
      Host: 'pgbouncer',
      Port: 6432,
      Username: 'ct_readonly',
      MaintenanceDB: 'coursetable_admin',
    });
    expect(JSON.stringify(parsed)).not.toMatch(/pass(word)?"\s*:/i);
  });
});

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

const ENTRYPOINT = `${REPO_ROOT}db/pgbouncer/entrypoint.sh`;
const PASSWORDS = {
  CT_ENGINE_PASSWORD: 'engine-secret-4711',
  CT_API_PASSWORD: 'api-secret-4712',
  CT_READONLY_PASSWORD: 'ro-secret-4713',
};

/** Runs the entrypoint to completion (it fails before exec'ing pgbouncer in these cases). */
function refusal(env: Record<string, string>): { status: number | null; output: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pgb-'));
  const r = spawnSync('/bin/sh', [ENTRYPOINT], {
    env: { PATH: process.env['PATH'] ?? '', PGBOUNCER_RUN_DIR: dir, PGBOUNCER_CONFIG: `${dir}/pgbouncer.ini`, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, output: r.stdout + r.stderr, dir };
}

describe('db/pgbouncer', () => {
  it('entrypoint.sh writes the userlist without printing secrets, and pgbouncer 1.18 starts on pgbouncer.ini', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgb-'));
    // The image runs the entrypoint as its unprivileged user (pgbouncer refuses root): here, the service user.
    const user = serviceUser();
    if (user) chownSync(dir, user.uid, user.gid);
    try {
      const port = await freePort();
      // the image's configuration, with the container's addresses made local (as the local stack does)
      const ini = readFileSync(`${REPO_ROOT}db/pgbouncer/pgbouncer.ini`, 'utf8')
        .replace('listen_port = 6432', `listen_port = ${port}`)
        .replace('listen_addr = 0.0.0.0', 'listen_addr = 127.0.0.1')
        .replaceAll('host=db', 'host=127.0.0.1')
        .replace('auth_file = /run/pgbouncer/userlist.txt', `auth_file = ${dir}/userlist.txt`);
      writeFileSync(`${dir}/pgbouncer.ini`, ini, { mode: 0o644 });
      // the script itself, unchanged, pointed at the temp dir
      const proc = spawn('/bin/sh', [ENTRYPOINT], {
        env: {
          PATH: process.env['PATH'] ?? '',
          PGBOUNCER_RUN_DIR: dir,
          PGBOUNCER_CONFIG: `${dir}/pgbouncer.ini`,
          ...PASSWORDS,
        },
        ...(user ? { uid: user.uid, gid: user.gid } : {}),
      });
      let output = '';
      proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
      try {
        let connected = false;
        for (let i = 0; i < 50 && !connected; i += 1) {
          connected = await new Promise<boolean>((resolve) => {
            const c = createConnection(port, '127.0.0.1', () => {
              c.destroy();
              resolve(true);
            }).on('error', () => resolve(false));
          });
          if (!connected) await sleep(100);
        }
        expect(connected, output).toBe(true);
        expect(output).toContain('auth_file written for ct_engine, ct_api, ct_readonly');
        expect(output).not.toMatch(/ERROR|FATAL|unknown parameter/i);
        const userlist = readFileSync(`${dir}/userlist.txt`, 'utf8');
        expect(userlist).toBe(
          '"ct_engine" "engine-secret-4711"\n"ct_api" "api-secret-4712"\n"ct_readonly" "ro-secret-4713"\n',
        );
        // umask 077: only pgbouncer's user reads it
        expect(statSync(`${dir}/userlist.txt`).mode & 0o077).toBe(0);
        // the passwords are not in pgbouncer's environment
        const environ = readFileSync(`/proc/${proc.pid ?? 0}/environ`, 'utf8');
        expect(environ).toContain('PGBOUNCER_CONFIG=');
        for (const v of Object.values(PASSWORDS)) expect(environ).not.toContain(v);
      } finally {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      for (const v of Object.values(PASSWORDS)) expect(output).not.toContain(v);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('entrypoint.sh refuses a missing password with exit 64 and names only the variable', () => {
    const r = refusal({ CT_ENGINE_PASSWORD: 'x-secret-value' });
    expect(r.status).toBe(64);
    expect(r.output).toContain('CT_API_PASSWORD is not set');
    expect(r.output).not.toContain('x-secret-value');
    expect(existsSync(`${r.dir}/userlist.txt`)).toBe(false);
  });

  it.each([
    ['CT_API_PASSWORD', 'change-me-api'],
    ['CT_ENGINE_PASSWORD', 'replace-with-a-long-random-value'],
    ['CT_READONLY_PASSWORD', 'CHANGE-ME'],
  ])('entrypoint.sh refuses .env.example placeholders (%s=%s) with exit 64, writing nothing', (key, value) => {
    const r = refusal({ ...PASSWORDS, [key]: value });
    expect(r.status).toBe(64);
    expect(r.output).toContain(`${key} is .env.example's placeholder`);
    expect(r.output).not.toContain(value);
    expect(readdirSync(r.dir)).toEqual([]);
  });

  it('entrypoint.sh refuses a password with a double quote (it would break the userlist)', () => {
    const r = refusal({ ...PASSWORDS, CT_API_PASSWORD: 'a"b' });
    expect(r.status).toBe(64);
    expect(r.output).toContain('CT_API_PASSWORD must not contain a double quote');
  });
});

describe('db/backup/backup.sh', () => {
  it('is valid bash and never traces or prints the password', () => {
    expect(spawnSync('bash', ['-n', `${REPO_ROOT}db/backup/backup.sh`]).status).toBe(0);
    const text = readFileSync(`${REPO_ROOT}db/backup/backup.sh`, 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n');
    expect(text).not.toMatch(/set -[a-z]*x/);
    expect(text).not.toMatch(/echo[^\n]*\$\{?pw/);
    expect(text).toMatch(/pg_dump --format=custom/);
  });
});
