/**
 * db/pgbouncer, db/pgadmin, db/backup: pgAdmin's import format, pgbouncer 1.18 (the Debian binary the production
 * image installs) starting on our pgbouncer.ini with the userlist written by entrypoint.sh, secrets never printed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

describe('db/pgbouncer', () => {
  it('entrypoint.sh writes the userlist without printing secrets, and pgbouncer 1.18 starts on pgbouncer.ini', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgb-'));
    chmodSync(dir, 0o755);
    try {
      const port = await freePort();
      const ini = readFileSync(`${REPO_ROOT}db/pgbouncer/pgbouncer.ini`, 'utf8')
        .replace('/run/pgbouncer/userlist.txt', `${dir}/userlist.txt`)
        .replace('listen_port = 6432', `listen_port = ${port}`)
        .replace('listen_addr = 0.0.0.0', 'listen_addr = 127.0.0.1')
        .replaceAll('host=db', 'host=127.0.0.1');
      writeFileSync(`${dir}/pgbouncer.ini`, ini);
      // the entrypoint, pointed at the temp dir, ending with a pgbouncer run as the unprivileged postgres user
      const script = readFileSync(`${REPO_ROOT}db/pgbouncer/entrypoint.sh`, 'utf8')
        .replace('userlist=/run/pgbouncer/userlist.txt', `userlist=${dir}/userlist.txt`)
        .replace(
          'exec pgbouncer /etc/pgbouncer/pgbouncer.ini',
          `chown postgres "$userlist"; exec su postgres -s /bin/sh -c "exec pgbouncer ${dir}/pgbouncer.ini"`,
        );
      writeFileSync(`${dir}/entrypoint.sh`, script, { mode: 0o755 });
      const secrets = {
        CT_ENGINE_PASSWORD: 'engine-secret-4711',
        CT_API_PASSWORD: 'api-secret-4712',
        CT_READONLY_PASSWORD: 'ro-secret-4713',
      };
      const proc = spawn('/bin/sh', [`${dir}/entrypoint.sh`], { env: { PATH: process.env['PATH'] ?? '', ...secrets } });
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
        expect(output).not.toMatch(/ERROR|FATAL|unknown parameter/i);
        const userlist = readFileSync(`${dir}/userlist.txt`, 'utf8');
        expect(userlist).toBe(
          '"ct_engine" "engine-secret-4711"\n"ct_api" "api-secret-4712"\n"ct_readonly" "ro-secret-4713"\n',
        );
      } finally {
        proc.kill('SIGTERM');
        await new Promise((r) => proc.once('exit', r));
      }
      for (const v of Object.values(secrets)) expect(output).not.toContain(v);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('entrypoint.sh refuses a missing password and names only the variable', () => {
    const r = spawnSync('/bin/sh', [`${REPO_ROOT}db/pgbouncer/entrypoint.sh`], {
      env: { PATH: process.env['PATH'] ?? '', CT_ENGINE_PASSWORD: 'x-secret-value' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('CT_API_PASSWORD is not set');
    expect(r.stderr + r.stdout).not.toContain('x-secret-value');
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
