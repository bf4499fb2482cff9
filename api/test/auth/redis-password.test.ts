/**
 * The run's Redis is the redis service of docker-compose.yml (the compose-derived local stack): it requires the
 * password of the redis_password secret. A client that reaches Redis without it (anything on its network) cannot
 * read the sessions the API stores there.
 */
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStack } from '../../../stack/src/testing.js';
import { sessionKey } from '../../src/sessions/session-keys.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** One raw RESP exchange on a fresh connection (no AUTH): the server's first reply line. */
function rawCommand(host: string, port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = createConnection(port, host, () => {
      sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
    let reply = '';
    sock.on('data', (d: Buffer) => {
      reply += d.toString();
      if (reply.includes('\r\n')) {
        sock.destroy();
        resolve(reply.split('\r\n')[0] ?? '');
      }
    });
    sock.on('error', reject);
  });
}

describe('Redis password', () => {
  it('a client without the password cannot read sessions from Redis (NOAUTH)', async () => {
    const redis = testStack().redis;
    if (!redis) throw new Error('the test stack has no redis');
    // the API's own client (REDIS_URL, which carries the password) stores and reads a session
    const session = sessionKey(t.config.redisPrefix, 'redis-password-test');
    await t.deps.redis.set(session, JSON.stringify({ userId: 1, cookie: {} }), 'EX', 60);
    expect(await t.deps.redis.get(session)).toContain('userId');
    // without the password: nothing, not even the key names
    expect(await rawCommand(redis.host, redis.port, 'GET', session)).toMatch(/^-NOAUTH /);
    expect(await rawCommand(redis.host, redis.port, 'KEYS', '*')).toMatch(/^-NOAUTH /);
    // and the password is on no command line or environment of the server (ps, /proc)
    const pid = testStack().pids.redis;
    expect(pid).toBeDefined();
    const cmdline = readFileSync(`/proc/${pid ?? 0}/cmdline`, 'utf8');
    expect(cmdline).toContain('redis-server');
    expect(cmdline).not.toContain(redis.password);
    expect(readFileSync(`/proc/${pid ?? 0}/environ`, 'utf8')).not.toContain(redis.password);
    // a wrong password is refused too
    expect(await rawCommand(redis.host, redis.port, 'AUTH', 'default', 'wrong')).toMatch(/^-WRONGPASS /);
  });
});
