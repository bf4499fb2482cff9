/**
 * The metrics listener: GET /metrics in Prometheus' text format, on its own host and port (METRICS_HOST,
 * METRICS_PORT), apart from the API's public port. Anything else answers 404.
 */
import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

export function metricsServer(registry: Registry): Server {
  return createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
}
