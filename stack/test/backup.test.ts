/**
 * The `backup` service of docker-compose.yml, run once (its script, db/backup/backup.sh, as its command line runs it,
 * with its environment and the ct_owner password secret): the dump it writes restores into a scratch database with
 * the same row count in every table.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localUrls } from '../src/harness.js';
import { PG_BIN } from '../src/local/programs/common.js';
import { startLocalStack, type LocalStack } from '../src/local/run.js';
import { run } from '../src/processes.js';
import { cloneTemplate, emptyDatabase, testStack, type TestDb } from '../src/testing.js';

let db: TestDb;
let scratch: TestDb;
let local: LocalStack;
const backups = mkdtempSync(join(tmpdir(), 'ct-backups-'));

beforeAll(async () => {
  db = await cloneTemplate();
  scratch = await emptyDatabase();
  const stack = testStack();
  local = await startLocalStack({
    dir: mkdtempSync(join(tmpdir(), 'ct-backup-stack-')),
    env: { ...stack.env, ...localUrls(), BACKUP_HOST_DIR: backups },
    // Once instead of every 24 h (the service's loop); the healthcheck is for the long-running service.
    overrides: [{ services: { backup: { command: ['/opt/backup/backup.sh'], healthcheck: { disable: true } } } }],
    only: ['backup'],
    external: { services: Object.keys(stack.hosts), hosts: stack.hosts },
    ephemeral: true,
    database: db.name,
    log: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await local?.stop();
  await db?.drop().catch(() => undefined);
  await scratch?.drop().catch(() => undefined);
});

async function rowCounts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      `select tablename as t from pg_tables where schemaname = 'public' order by 1`,
    );
    const out: Record<string, number> = {};
    for (const { t } of tables.rows) {
      const { rows } = await c.query<{ n: string }>(`select count(*) as n from public.${c.escapeIdentifier(t)}`);
      out[t] = Number(rows[0]?.n);
    }
    return out;
  } finally {
    await c.end();
  }
}

describe('the backup service', () => {
  it('writes a checked dump that restores with the same row counts', async () => {
    const [backup] = local.replicas('backup');
    expect(await backup?.waitExit()).toBe(0);
    const dumps = readdirSync(backups).filter((f) => f.endsWith('.dump'));
    expect(dumps).toHaveLength(1);
    const dump = join(backups, dumps[0] ?? '');
    const [sum] = readFileSync(`${dump}.sha256`, 'utf8').split(/\s+/);
    expect(createHash('sha256').update(readFileSync(dump)).digest('hex')).toBe(sum);

    const owner = scratch.directUrl('ct_owner');
    // docs/operations.md's restore: into a new database, as ct_owner, stopping at the first error.
    const restore = await run(
      join(PG_BIN, 'pg_restore'),
      ['--no-owner', '--role=ct_owner', '--exit-on-error', '--dbname', owner, dump],
      { timeoutMs: 120_000 },
    );
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const source = await rowCounts(db.directUrl('ct_owner'));
    expect(Object.values(source).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(await rowCounts(owner)).toEqual(source);
  }, 120_000);
});
