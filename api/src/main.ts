/**
 * The API process: load and validate config (fail fast), create the clients, serve, and on SIGTERM/SIGINT stop
 * accepting connections, let in-flight requests finish (bounded by SHUTDOWN_GRACE_MS), then close Redis and Postgres.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { closeDeps, createDeps } from './deps.js';
import { createLogger } from './logger.js';
import { metricsServer } from './ops/metrics-server.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const logger = createLogger(config);
const deps = createDeps(config, logger);
const app = createApp(config, deps);
const server = createServer(app);
server.keepAliveTimeout = 65_000;

server.listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  logger.info({ port }, 'api listening');
  // Regenerate the static catalog at start (the worker does the work).
  if (config.graphqlUrl) {
    deps.jobs
      .enqueueCatalogRefresh(undefined)
      .catch(() => logger.warn('could not enqueue the start-up catalog refresh'));
  }
});

// Prometheus metrics on their own port (never the public one): only the compose network's scraper reaches it.
const metrics = config.metrics.port > 0 ? metricsServer(deps.metrics.registry) : undefined;
metrics?.listen(config.metrics.port, config.metrics.host, () => {
  logger.info({ port: config.metrics.port }, 'metrics listening');
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => {
    logger.warn('grace period over, closing remaining connections');
    server.closeAllConnections();
  }, config.shutdownGraceMs);
  force.unref();
  metrics?.close();
  server.close(() => {
    void closeDeps(deps).finally(() => {
      logger.info('stopped');
      process.exit(0);
    });
  });
  server.closeIdleConnections();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => {
  logger.error({ err: reason }, 'unhandled rejection');
});
process.on('uncaughtException', (err) => {
  logger.fatal({ err }, 'uncaught exception');
  shutdown('uncaughtException');
});
