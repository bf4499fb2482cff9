/** The job processors (mail, catalog regeneration) as BullMQ workers; used by worker.ts and by tests. */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Mail, Mailer } from '../clients/mailer.js';
import { generateCatalog, listSeasons } from '../catalog/catalog.generate.js';

/** `all`: every season the catalog has (an upper bound, far above the seasons a university ever offers). */
const ALL_SEASONS = 1000;
import { bullPrefix, mailBodyKey, QUEUE_CATALOG, QUEUE_MAIL, type MailJob } from './queues.js';

export interface Workers {
  /** every worker running (the heartbeat also checks Redis) */
  running(): boolean;
  close(): Promise<void>;
}

/** An SMTP 5xx answer: the server refused for good, retrying cannot help. */
function permanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends one mail job: reads its body (queues.ts keeps it out of the job), sends, and deletes the body once sent or
 * failed for good (a 5xx answer, or the last attempt), so a failed job kept for inspection holds no link.
 */
async function sendMail(job: Job<MailJob | Mail>, mailer: Mailer, bodies: Redis, config: Config): Promise<void> {
  const data = job.data;
  if (!('bodyId' in data)) return mailer.send(data); // a job queued before bodies were kept apart
  const key = mailBodyKey(config, data.bodyId);
  const text = await bodies.get(key);
  if (text === null) throw new UnrecoverableError('mail body expired before it could be sent');
  try {
    await mailer.send({ to: data.to, subject: data.subject, text });
  } catch (err) {
    const permanent = permanentSmtpError(err);
    if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await bodies.del(key);
    if (permanent) throw new UnrecoverableError(err instanceof Error ? err.message : 'permanent SMTP error');
    throw err;
  }
  await bodies.del(key);
}

export function startWorkers(config: Config, mailer: Mailer, logger: Logger): Workers {
  const connection = { url: config.redisUrl, maxRetriesPerRequest: null };
  const prefix = bullPrefix(config);
  const bodies = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  bodies.on('error', () => undefined); // the workers report Redis trouble
  const mail = new Worker<MailJob | Mail>(QUEUE_MAIL, (job) => sendMail(job, mailer, bodies, config), {
    connection,
    prefix,
    concurrency: 4,
  });
  const catalog = new Worker<{ seasons: string[] | 'all' | null }>(
    QUEUE_CATALOG,
    async (job) => {
      if (!config.graphqlUrl) throw new Error('GRAPHQL_URL is not configured');
      const opts = { graphqlUrl: config.graphqlUrl, adminSecret: config.graphqlAdminSecret, dir: config.catalog.dir };
      const { seasons } = job.data;
      const written = await generateCatalog(
        opts,
        seasons === 'all' ? await listSeasons(opts, ALL_SEASONS) : (seasons ?? undefined),
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
    running: () => mail.isRunning() && catalog.isRunning(),
    async close() {
      await Promise.allSettled([mail.close(), catalog.close()]);
      bodies.disconnect();
    },
  };
}
