/**
 * Databases for the runner, one fresh database per class, prepared like upstream's CI database. Postgres itself is
 * always the project's harness (`stack/src/harness.ts`): the CLI starts a throwaway `startStack` (postgres only;
 * root/runuser, free ports, the reaper and cleanup are the harness's), the tests use the run's stack
 * (`stack/src/testing.ts`), and `--database-url` takes an existing server.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startStack } from '../../stack/src/harness.js';
import type { DatabaseProvider, FreshDatabase } from './types.js';

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
    if (timezone) await setUtc(c);
  } finally {
    await c.end();
  }
}

async function setUtc(c: pg.Client): Promise<void> {
  await c.query(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET timezone TO ''UTC''', current_database()); END $$`);
}

/** What the runner needs from a Postgres server: create (optionally from a template), drop, a superuser URL. */
export interface DatabaseServer {
  urlFor(db: string): string;
  create(db: string, template: string): Promise<void>;
  drop(db: string): Promise<void>;
}

/**
 * Fresh databases cloned from a template prepared once (PostGIS takes seconds to install; a clone does not). Database
 * settings are not copied from a template, so each clone gets its UTC time zone.
 */
export class TemplateDatabases implements DatabaseProvider {
  private counter = 0;
  private template: Promise<string> | null = null;
  constructor(
    private readonly server: DatabaseServer,
    private readonly onClose: () => Promise<void> = () => Promise.resolve(),
  ) {}

  private makeTemplate(): Promise<string> {
    return (this.template ??= (async () => {
      const name = `conf_template_${process.pid}_${Date.now().toString(36)}`;
      await this.server.create(name, 'template0');
      await prepareDatabase(this.server.urlFor(name), false);
      return name;
    })());
  }

  async fresh(): Promise<FreshDatabase> {
    const template = await this.makeTemplate();
    const name = `conf_${process.pid}_${Date.now().toString(36)}_${this.counter++}`;
    await this.server.create(name, template);
    const url = this.server.urlFor(name);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await setUtc(c);
    } finally {
      await c.end();
    }
    return { url, drop: () => this.server.drop(name) };
  }

  async close(): Promise<void> {
    try {
      const name = this.template ? await this.template.catch(() => null) : null;
      if (name) await this.server.drop(name).catch(() => undefined);
    } finally {
      await this.onClose();
    }
  }
}

/** The harness's stack (the CLI's throwaway one, or the test run's from `testStack()`). */
export interface StackLike {
  directUrl(db: string, role?: 'postgres'): string;
  createDatabase(name: string, opts?: { template?: string }): Promise<void>;
  dropDatabase(name: string): Promise<void>;
}

export function stackDatabases(stack: StackLike, onClose?: () => Promise<void>): TemplateDatabases {
  return new TemplateDatabases(
    {
      urlFor: (db) => stack.directUrl(db, 'postgres'),
      create: (db, template) => stack.createDatabase(db, { template }),
      drop: (db) => stack.dropDatabase(db),
    },
    onClose,
  );
}

/** Databases on an existing server given a superuser URL (`--database-url`). */
export function serverDatabases(adminUrl: string): TemplateDatabases {
  const urlFor = (db: string): string => {
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const admin = async (sql: string, params: string[]): Promise<void> => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      const { rows } = await c.query<{ sql: string }>(`SELECT format(${sql}) AS sql`, params);
      await c.query(rows[0]?.sql ?? '');
    } finally {
      await c.end();
    }
  };
  return new TemplateDatabases({
    urlFor,
    create: (db, template) => admin(`'CREATE DATABASE %I TEMPLATE %I', $1::text, $2::text`, [db, template]),
    drop: (db) => admin(`'DROP DATABASE IF EXISTS %I WITH (FORCE)', $1::text`, [db]),
  });
}

/** A throwaway harness stack (Postgres only) in a temp dir, stopped and removed by `close()`. */
export async function startThrowawayCluster(log: (s: string) => void = () => {}): Promise<TemplateDatabases> {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-stack-'));
  const stack = await startStack({ dir, persistent: false, services: ['postgres'], log });
  return stackDatabases(stack, () => stack.stop());
}
