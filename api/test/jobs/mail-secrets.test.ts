/**
 * A mail that cannot be delivered must not leave its single-use link in Redis: a failed BullMQ job is kept for
 * inspection, and whoever reads Redis (a backup, a replica, a debugging session) must not find a working password-reset
 * link there. Real SMTP server that rejects with 550, real worker, real Redis scanned key by key.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/clients/mailer.js';
import { bullPrefix, QUEUE_MAIL } from '../../src/jobs/queues.js';
import { startWorkers, type Workers } from '../../src/jobs/worker.js';
import { agent, createTestApp, type TestApp } from '../helpers/app.js';
import { mailText, TestMailbox } from '../helpers/smtp.js';

interface Scenario {
  box: TestMailbox;
  t: TestApp;
  workers: Workers;
  inspect: Queue;
  close(): Promise<void>;
}

/** An app, a worker and an SMTP server that answers every message with `rejectWith`. */
async function scenario(rejectWith: number): Promise<Scenario> {
  const box = await TestMailbox.start({ rejectWith });
  const t = await createTestApp({ SMTP_URL: box.url, MAIL_FROM: 'CourseTable <no-reply@coursetable.test>' });
  const silent = pino({ level: 'silent' });
  const workers = startWorkers(
    t.config,
    createMailer({ smtpUrl: box.url, from: t.config.mail.from, logger: silent }),
    silent,
  );
  const inspect = new Queue(QUEUE_MAIL, { connection: { url: t.config.redisUrl }, prefix: bullPrefix(t.config) });
  return {
    box,
    t,
    workers,
    inspect,
    async close() {
      await inspect.close();
      await workers.close();
      await t.close();
      await box.close();
    },
  };
}

let permanent: Scenario;
let temporary: Scenario;
beforeAll(async () => {
  [permanent, temporary] = await Promise.all([scenario(550), scenario(451)]);
});
afterAll(async () => {
  await Promise.all([permanent.close(), temporary.close()]);
});

/** Every value of every key matching `pattern`, as text (strings, hashes, lists, sets, sorted sets, streams). */
async function dump(redis: Redis, pattern: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      const type = await redis.type(key);
      let value: unknown;
      if (type === 'string') value = await redis.get(key);
      else if (type === 'hash') value = await redis.hgetall(key);
      else if (type === 'list') value = await redis.lrange(key, 0, -1);
      else if (type === 'set') value = await redis.smembers(key);
      else if (type === 'zset') value = await redis.zrange(key, '0', '-1');
      else if (type === 'stream') value = await redis.xrange(key, '-', '+');
      else continue; // expired meanwhile
      out.set(key, JSON.stringify(value));
    }
  } while (cursor !== '0');
  return out;
}

async function until(what: string, check: () => Promise<boolean>, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A reset request whose mail the SMTP server refuses; after the job failed for good, Redis holds no link. */
async function expectNoLinkLeftAfterFailure(sc: Scenario, reason: RegExp): Promise<void> {
  const { t, box, inspect } = sc;
  const email = `reset-fail-${Date.now().toString(36)}@example.edu`;
  await t.owner.query(`insert into users (email, display_name) values ($1, 'Reset Fail')`, [email]);
  const rejected = box.next(10_000);
  await agent(t).post('/api/auth/password/reset-request').send({ email }).expect(202);
  const text = mailText((await rejected).raw);
  const token = /reset-password\?token=([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error('the rejected mail held no reset link');

  // The job has failed for good (kept for inspection), not merely waiting for a retry.
  await until('the mail job to fail permanently', async () => (await inspect.getJobCounts('failed')).failed === 1);
  const counts = await inspect.getJobCounts('waiting', 'delayed', 'active', 'failed');
  expect(counts).toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1 });

  const ours = await dump(t.deps.redis, `${t.config.redisPrefix}*`);
  expect(ours.size).toBeGreaterThan(0);
  const leaks = [...ours].filter(([, v]) => v.includes(token) || v.includes('reset-password?token=')).map(([k]) => k);
  expect(leaks).toEqual([]);
  const everywhere = [...(await dump(t.deps.redis, '*'))].filter(([, v]) => v.includes(token)).map(([k]) => k);
  expect(everywhere).toEqual([]);

  // What stays for inspection: who and what, not the body.
  const [job] = await inspect.getFailed();
  expect(job?.data).toMatchObject({ to: email, subject: 'Reset your CourseTable password' });
  expect(job?.failedReason).toMatch(reason);
}

describe('a permanently failing mail job (reset link left in Redis)', () => {
  it('keeps no Redis key holding the reset token or link after the SMTP server rejects the mail for good (550)', async () => {
    await expectNoLinkLeftAfterFailure(permanent, /550/);
    expect(permanent.box.mails).toHaveLength(1); // a 5xx answer is final: no retries
  });

  it('keeps no Redis key holding the reset token or link once a temporary failure (451) used up every attempt', async () => {
    await expectNoLinkLeftAfterFailure(temporary, /451/);
    expect(temporary.box.mails).toHaveLength(5); // every attempt (JOB_OPTIONS.attempts) was made
  });
});
