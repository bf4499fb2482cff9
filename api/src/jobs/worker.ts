/** The job processors (mail, catalog regeneration) as BullMQ workers; used by worker.ts and by tests. */
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Mail, Mailer } from '../clients/mailer.js';
import { generateCatalog } from '../catalog/catalog.generate.js';
import { bullPrefix, QUEUE_CATALOG, QUEUE_MAIL } from './queues.js';

export interface Workers {
  close(): Promise<void>;
}

export function startWorkers(config: Config, mailer: Mailer, logger: Logger): Workers {
  const connection = { url: config.redisUrl, maxRetriesPerRequest: null };
  const prefix = bullPrefix(config);
  const mail = new Worker<Mail>(
    QUEUE_MAIL,
    async (job) => {
      await mailer.send(job.data);
    },
    { connection, prefix, concurrency: 4 },
  );
  const catalog = new Worker<{ seasons: string[] | null }>(
    QUEUE_CATALOG,
    async (job) => {
      if (!config.graphqlUrl) throw new Error('GRAPHQL_URL is not configured');
      const written = await generateCatalog(
        { graphqlUrl: config.graphqlUrl, adminSecret: config.graphqlAdminSecret, dir: config.catalog.dir },
        job.data.seasons ?? undefined,
      );
      return { seasons: written };
    },
    { connection, prefix, concurrency: 1 },
  );
  for (const w of [mail, catalog]) {
    w.on('failed', (job, err) =>
      logger.warn(
        { queue: w.name, jobId: job?.id, attempt: job?.attemptsMade, err: { message: err.message } },
        'job failed',
      ),
    );
    w.on('completed', (job) => logger.info({ queue: w.name, jobId: job.id }, 'job done'));
    w.on('error', (err) => logger.warn({ queue: w.name, err: { message: err.message } }, 'worker error'));
  }
  return {
    async close() {
      await Promise.allSettled([mail.close(), catalog.close()]);
    },
  };
}
