/**
 * Background work on the same Redis (BullMQ): the API only enqueues; `worker.ts` (a separate process) runs the jobs.
 * Jobs retry with exponential backoff; failed jobs are kept for inspection; queued jobs survive a worker restart
 * (they live in Redis until a worker completes them).
 *
 * A mail's body may hold a single-use link (password reset, e-mail verification), and failed jobs are kept: so the
 * job holds only the recipient and subject, and the body lives beside it in a key of its own with a TTL
 * (`mailBodyKey`). The worker reads it at send time and deletes it once the mail is sent or has failed for good; a
 * body that nothing deleted (a worker crash) expires on its own. No failed job keeps a working link.
 */
import { randomUUID } from 'node:crypto';
import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Mail } from '../clients/mailer.js';

export const QUEUE_MAIL = 'mail';
export const QUEUE_CATALOG = 'catalog';

export const JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

/** How long a queued mail's body waits for the worker (seconds) unless the caller says less; then it is dropped. */
export const MAIL_BODY_TTL_S = 86_400;

/** What a mail job holds in Redis: no body, only where to find it. */
export interface MailJob {
  to: string;
  subject: string;
  bodyId: string;
}

export function mailBodyKey(config: Pick<Config, 'redisPrefix'>, bodyId: string): string {
  return `${config.redisPrefix}mail-body:${bodyId}`;
}

export interface Jobs {
  /** `ttlS`: the body is not kept (nor the mail sent) longer than this, e.g. the lifetime of the link it carries. */
  enqueueMail(mail: Mail, opts?: { ttlS?: number }): Promise<void>;
  enqueueCatalogRefresh(seasons: string[] | 'all' | undefined): Promise<void>;
  /** Jobs per queue and state (waiting, active, delayed, failed), for the metrics. */
  counts(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

export function bullPrefix(config: Pick<Config, 'redisPrefix'>): string {
  return `${config.redisPrefix}bull`;
}

export function createJobs(config: Config, redis: Redis): Jobs {
  // Fail fast while Redis is down instead of queueing commands in memory.
  const connection = { url: config.redisUrl, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 1000 };
  const prefix = bullPrefix(config);
  // Sent mails may carry single-use links: drop them from Redis once delivered.
  const mail = new Queue(QUEUE_MAIL, {
    connection,
    prefix,
    defaultJobOptions: { ...JOB_OPTIONS, removeOnComplete: true },
  });
  const catalog = new Queue(QUEUE_CATALOG, { connection, prefix, defaultJobOptions: JOB_OPTIONS });
  mail.on('error', () => undefined);
  catalog.on('error', () => undefined);
  return {
    async enqueueMail(m, opts) {
      const bodyId = randomUUID();
      const key = mailBodyKey(config, bodyId);
      await redis.set(key, m.text, 'EX', Math.min(opts?.ttlS ?? MAIL_BODY_TTL_S, MAIL_BODY_TTL_S));
      try {
        await mail.add('send', { to: m.to, subject: m.subject, bodyId } satisfies MailJob);
      } catch (err) {
        await redis.del(key).catch(() => 0);
        throw err;
      }
    },
    async enqueueCatalogRefresh(seasons) {
      // One pending refresh per season set is enough: a deterministic id de-duplicates bursts.
      const key = seasons === 'all' ? 'all' : seasons ? [...seasons].sort().join(',') : 'latest';
      await catalog.add(
        'refresh',
        { seasons: seasons ?? null },
        { jobId: `refresh:${key}:${Math.floor(Date.now() / 10_000)}` },
      );
    },
    async counts() {
      const states = ['waiting', 'active', 'delayed', 'failed'] as const;
      const [m, c] = await Promise.all([mail.getJobCounts(...states), catalog.getJobCounts(...states)]);
      return { [QUEUE_MAIL]: m, [QUEUE_CATALOG]: c };
    },
    async close() {
      await Promise.allSettled([mail.close(), catalog.close()]);
    },
  };
}
