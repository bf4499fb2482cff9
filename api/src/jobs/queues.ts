/**
 * Background work on the same Redis (BullMQ): the API only enqueues; `worker.ts` (a separate process) runs the jobs.
 * Jobs retry with exponential backoff; failed jobs are kept for inspection; queued jobs survive a worker restart
 * (they live in Redis until a worker completes them).
 */
import { Queue, type JobsOptions } from 'bullmq';
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

export interface Jobs {
  enqueueMail(mail: Mail): Promise<void>;
  enqueueCatalogRefresh(seasons: string[] | undefined): Promise<void>;
  close(): Promise<void>;
}

export function bullPrefix(config: Pick<Config, 'redisPrefix'>): string {
  return `${config.redisPrefix}bull`;
}

export function createJobs(config: Config): Jobs {
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
    async enqueueMail(m) {
      await mail.add('send', m);
    },
    async enqueueCatalogRefresh(seasons) {
      // One pending refresh per season set is enough: a deterministic id de-duplicates bursts.
      const key = seasons ? [...seasons].sort().join(',') : 'latest';
      await catalog.add(
        'refresh',
        { seasons: seasons ?? null },
        { jobId: `refresh:${key}:${Math.floor(Date.now() / 10_000)}` },
      );
    },
    async close() {
      await Promise.allSettled([mail.close(), catalog.close()]);
    },
  };
}
