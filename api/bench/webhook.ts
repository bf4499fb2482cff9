/**
 * Benchmark of the Hasura auth webhook (GET /api/hasura/auth) with a real logged-in session in a real Redis:
 * `--connections` (default 50) concurrent connections for `--duration` seconds (default 10), autocannon. Prints
 * requests/s and latency p50/p99. Not a test: numbers depend on the machine. Run: npm run bench:webhook [-- --help]
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { startStack } from '../../stack/src/harness.js';
import { createApp } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { closeDeps, createDeps } from '../src/deps.js';
import { sessionKey } from '../src/sessions/session-keys.js';
import { sign } from '../src/sessions/signed-cookie.js';
import { parseWebhookBenchArgs, UsageError, WEBHOOK_BENCH_USAGE } from './webhook-args.js';

const args = (() => {
  try {
    return parseWebhookBenchArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`bench:webhook: ${err.message} (see --help)\n`);
    process.exit(2);
  }
})();
if (args.help) {
  process.stdout.write(WEBHOOK_BENCH_USAGE);
  process.exit(0);
}
const { seconds, connections } = args;

const stack = await startStack({
  dir: mkdtempSync(join(tmpdir(), 'ct-bench-')),
  persistent: false,
  services: ['redis'],
});
const redisUrl = stack.redis?.url ?? '';
const config = parseConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  API_PUBLIC_URL: 'http://127.0.0.1:4000',
  FRONTEND_URL: 'http://localhost:3000',
  DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', // the webhook never touches Postgres
  REDIS_URL: redisUrl,
  SESSION_SECRET: randomBytes(24).toString('hex'),
  HASURA_ACTION_SECRET: randomBytes(24).toString('hex'),
});
const deps = createDeps(config, pino({ level: 'silent' }));
while (deps.redis.status !== 'ready') await new Promise((r) => setTimeout(r, 20));

// A session exactly as express-session + connect-redis store it after a login.
const sid = randomBytes(18).toString('base64url');
const now = Date.now();
const session = {
  cookie: {
    originalMaxAge: config.session.idleTimeoutS * 1000,
    expires: new Date(now + config.session.idleTimeoutS * 1000).toISOString(),
    httpOnly: true,
    path: '/',
    sameSite: 'lax',
    secure: false,
  },
  user: { id: 42, role: 'student_evals', method: 'password' },
  createdAt: now,
};
await deps.redis.set(sessionKey(config.redisPrefix, sid), JSON.stringify(session), 'EX', config.session.idleTimeoutS);
const cookie = `${config.session.cookieName}=${encodeURIComponent(`s:${sign(sid, config.session.secrets[0] ?? '')}`)}`;

const server = createServer(createApp(config, deps));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/hasura/auth`;

const check = await fetch(url, { headers: { cookie } });
process.stdout.write(`webhook answer: ${check.status} ${await check.text()}\n`);

const result = await autocannon({ url, connections, duration: seconds, headers: { cookie } });
process.stdout.write(
  `auth webhook, ${connections} connections, ${seconds}s: ${Math.round(result.requests.average)} req/s, ` +
    `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}\n`,
);

await new Promise((r) => server.close(r));
await closeDeps(deps);
await stack.stop();
