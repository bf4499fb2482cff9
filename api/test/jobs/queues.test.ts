import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { Mail, Mailer } from '../../src/clients/mailer.js';
import { bullPrefix, QUEUE_MAIL } from '../../src/jobs/queues.js';
import { startWorkers } from '../../src/jobs/worker.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let inspect: Queue;
beforeAll(async () => {
  t = await createTestApp();
  inspect = new Queue(QUEUE_MAIL, { connection: { url: t.config.redisUrl }, prefix: bullPrefix(t.config) });
});
afterAll(async () => {
  await inspect.close();
  await t.close();
});

describe('mail queue (BullMQ)', () => {
  it('keeps a job queued while no worker runs, and a worker started later retries it after a failure', async () => {
    await t.deps.jobs.enqueueMail({ to: 'a@example.edu', subject: 's', text: 'x' });
    expect((await inspect.getJobCounts('waiting')).waiting).toBe(1);

    const sent: Mail[] = [];
    let calls = 0;
    const flaky: Mailer = {
      send: (m) => {
        calls += 1;
        if (calls === 1) return Promise.reject(new Error('SMTP 451 try again'));
        sent.push(m);
        return Promise.resolve();
      },
      close: () => undefined,
    };
    const workers = startWorkers(t.config, flaky, pino({ level: 'silent' }));
    try {
      const until = Date.now() + 10_000;
      while (sent.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(calls).toBe(2);
      expect(sent).toEqual([{ to: 'a@example.edu', subject: 's', text: 'x' }]);
    } finally {
      await workers.close();
    }
    const counts = await inspect.getJobCounts('waiting', 'delayed', 'failed', 'completed');
    expect(counts).toEqual({ waiting: 0, delayed: 0, failed: 0, completed: 0 }); // delivered mails are not kept
  });
});
