/**
 * The background worker process (beside the API, same Redis): sends mails and regenerates the static catalog.
 * Closes gracefully on SIGTERM (the running job finishes; queued jobs stay in Redis for the next start).
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createMailer } from './clients/mailer.js';
import { createRedis } from './clients/redis.js';
import { createLogger } from './logger.js';
import { startHeartbeat } from './jobs/heartbeat.js';
import { startWorkers } from './jobs/worker.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  throw err;
}
const logger = createLogger(config).child({ process: 'worker' });
const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, logger });
const workers = startWorkers(config, mailer, logger);
// Alive = the job workers run and Redis answers (a ping on a connection of its own, so a stuck queue connection
// does not hide behind a healthy one).
const redis = createRedis(config.redisUrl, { commandTimeoutMs: config.redisCommandTimeoutMs, logger });
const stopHeartbeat = config.workerHeartbeatFile
  ? startHeartbeat(
      config.workerHeartbeatFile,
      async () => workers.running() && (await redis.ping()) === 'PONG',
      () => undefined,
    )
  : () => undefined;
logger.info('worker started');

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'worker stopping');
  stopHeartbeat();
  redis.disconnect();
  await workers.close();
  mailer.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
