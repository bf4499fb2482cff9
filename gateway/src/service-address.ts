/**
 * A service address: the local stand-in for a Docker service's virtual IP. Another container that calls
 * `http://api:4096` reaches one of the service's replicas; locally the name resolves to this listener, which sends
 * every request and websocket upgrade to the replicas round robin (no routers, no middlewares, no health checks, as
 * Docker's VIP), moving a refused connection to the next replica with the same rules as a loadBalancer service.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { requestContext } from './context.js';
import { balancer } from './services.js';

export interface ServiceAddress {
  url: string;
  close(): Promise<void>;
}

export async function startServiceAddress(opts: {
  name: string;
  host: string;
  port: number;
  servers: string[];
}): Promise<ServiceAddress> {
  const service = balancer(opts.name, opts.servers);
  const sockets = new Set<Duplex>();
  const server = http.createServer((req, res) => {
    void service.serve(requestContext(req, res), false).catch(() => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    service.upgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
