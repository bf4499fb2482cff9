/**
 * .env.example's placeholders are refused by the services of docker-compose.yml themselves, run through the local
 * stack in a directory of their own with a placeholder in the stack's secrets.env (as an operator's `.env` would have
 * it):
 *  - the db service on every start, not only the first (the Postgres image runs db/init, and so 03-passwords.sh's
 *    refusal, on an empty data directory only; `restart: unless-stopped` then starts the half-initialised cluster);
 *  - the redis service (redis/entrypoint.sh): no Redis with a known password.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, stopStackDir, type Service } from '../src/harness.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) {
    await stopStackDir(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function stackDir(secrets: string): { dir: string; log: (replica: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'ct-placeholder-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'secrets.env'), secrets, { mode: 0o600 });
  const log = (replica: string): string => {
    const file = join(dir, 'logs', `${replica}.log`);
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  return { dir, log };
}

/** Starts one data service of the directory's stack: 'started' (then stops it again) or why it was refused. */
const start = (dir: string, service: Service): Promise<string> =>
  startStack({ dir, persistent: true, services: [service], reaper: false }).then(
    async (stack) => {
      await stack.stop();
      return 'started';
    },
    (err: unknown) => `refused: ${err instanceof Error ? err.message : String(err)}`,
  );

describe('db service and .env.example placeholders', () => {
  it('refuses a placeholder POSTGRES_PASSWORD on the restart after a refused first start, not only on the first', async () => {
    const { dir, log } = stackDir('POSTGRES_PASSWORD=change-me\n');
    // first start: initdb, then db/init/03-passwords.sh refuses; the data directory stays initialised
    expect(await start(dir, 'postgres')).toMatch(/^refused: /);
    expect(existsSync(join(dir, 'volumes', 'pgdata', 'PG_VERSION'))).toBe(true);

    // the restart (restart: unless-stopped) skips db/init: the refusal must still hold
    const before = log('db-1').length;
    expect(await start(dir, 'postgres')).toMatch(/^refused: .*db-1 exited before it was healthy/);
    expect(log('db-1').slice(before)).toContain("POSTGRES_PASSWORD is .env.example's placeholder");

    // and a real value lets it start
    const secrets = join(dir, 'secrets.env');
    writeFileSync(secrets, readFileSync(secrets, 'utf8').replace('change-me', 'a-real-superuser-password-4711'));
    expect(await start(dir, 'postgres')).toBe('started');
  });
});

describe('redis service and .env.example placeholders', () => {
  it('refuses to start Redis with the placeholder password (a password everybody knows)', async () => {
    const { dir, log } = stackDir('REDIS_PASSWORD=change-me\n');
    expect(await start(dir, 'redis')).toMatch(/^refused: .*redis-1 exited before it was healthy/);
    expect(log('redis-1')).toContain("the password secret is .env.example's placeholder");
    expect(log('redis-1')).not.toContain('change-me');
  });
});
