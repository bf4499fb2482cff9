/**
 * A throwaway Postgres cluster under a temp dir, for running the suite from the CLI (outside vitest, where
 * `stack/src/testing.ts` provides databases). Runs initdb/postgres as the `postgres` user when we are root.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, chownSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseProvider, FreshDatabase } from './types.js';

const BIN = '/usr/lib/postgresql/15/bin';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(cmd: string, args: string[]): Promise<void> {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${err.trim()}`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Bring an empty database to the state of upstream's CI database before any setup file runs: PostGIS installed
 * (their Postgres image is postgis/postgis), the `hge_tests` schema (queries/clear_db.yaml), and UTC (timestamptz
 * output in the expected responses depends on it).
 */
export async function prepareDatabase(url: string, timezone: boolean): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_available_extensions WHERE name = 'postgis'",
    );
    if (rows[0]?.n !== '0') await c.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await c.query('CREATE SCHEMA IF NOT EXISTS hge_tests');
    if (timezone) await c.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO ''UTC''', current_database()); END $$`);
  } finally {
    await c.end();
  }
}

/** Databases from a factory (the test helpers' `emptyDatabase()`), prepared like upstream's CI database. */
export class FactoryDatabases implements DatabaseProvider {
  constructor(private readonly make: () => Promise<{ directUrl(role: 'postgres'): string; drop(): Promise<void> }>) {}

  async fresh(): Promise<FreshDatabase> {
    const db = await this.make();
    const url = db.directUrl('postgres');
    await prepareDatabase(url, true);
    return { url, drop: () => db.drop() };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Creates databases on an existing server given a superuser URL (any database on it). */
export class ServerDatabases implements DatabaseProvider {
  private counter = 0;
  constructor(
    private readonly adminUrl: string,
    private readonly onClose: () => Promise<void> = () => Promise.resolve(),
  ) {}

  private urlFor(db: string): string {
    const u = new URL(this.adminUrl);
    u.pathname = `/${db}`;
    return u.toString();
  }

  private template: Promise<string> | null = null;

  /** A template prepared once (prepareDatabase), cloned per class. */
  private makeTemplate(): Promise<string> {
    return (this.template ??= (async () => {
      const name = `conf_template_${process.pid}`;
      await this.admin(`CREATE DATABASE "${name}" TEMPLATE template0`);
      await prepareDatabase(this.urlFor(name), false);
      return name;
    })());
  }

  private async admin(sql: string): Promise<void> {
    const admin = new pg.Client({ connectionString: this.adminUrl });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  }

  async fresh(): Promise<FreshDatabase> {
    const template = await this.makeTemplate();
    const name = `conf_${process.pid}_${Date.now().toString(36)}_${this.counter++}`;
    await this.admin(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // database settings are not copied from a template
    await this.admin(`ALTER DATABASE "${name}" SET timezone TO 'UTC'`);
    return {
      url: this.urlFor(name),
      drop: async () => {
        const c = new pg.Client({ connectionString: this.adminUrl });
        await c.connect();
        try {
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await c.end();
        }
      },
    };
  }

  async close(): Promise<void> {
    if (this.template) {
      const name = await this.template.catch(() => null);
      if (name) await this.admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    }
    await this.onClose();
  }
}

/** initdb + start a cluster on a free port with UTC time zone (as Hasura's CI Postgres images run). */
export async function startThrowawayCluster(log: (s: string) => void = () => {}): Promise<ServerDatabases> {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  await run(`${BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  const port = await freePort();
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC -c max_connections=200`;
  await run(`${BIN}/pg_ctl`, ['-D', data, '-l', join(dir, 'pg.log'), '-w', '-o', opts, 'start']);
  log(`postgres cluster on 127.0.0.1:${port} (${dir})`);
  const stop = async (): Promise<void> => {
    try {
      await run(`${BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return new ServerDatabases(`postgres://postgres@127.0.0.1:${port}/postgres`, stop);
}
