/**
 * A small but real CAS 2.0/3.0 server for tests: /login issues a service ticket for a configured user (as if they
 * had typed their password) and redirects to the service; /serviceValidate and /p3/serviceValidate validate the
 * ticket once, for the same service, and answer the CAS XML.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CasUser {
  user: string;
  attributes: Record<string, string | string[]>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class TestCasServer {
  private server!: Server;
  private readonly tickets = new Map<string, { service: string; user: CasUser }>();
  /** Who logs in next. */
  nextUser: CasUser = { user: 'abc123', attributes: {} };
  validations: string[] = [];
  baseUrl = '';

  static async start(): Promise<TestCasServer> {
    const s = new TestCasServer();
    s.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/cas/login') {
        const service = url.searchParams.get('service') ?? '';
        const ticket = `ST-${randomBytes(12).toString('hex')}`;
        s.tickets.set(ticket, { service, user: s.nextUser });
        const back = new URL(service);
        back.searchParams.set('ticket', ticket);
        res.writeHead(302, { location: back.href }).end();
        return;
      }
      if (url.pathname === '/cas/serviceValidate' || url.pathname === '/cas/p3/serviceValidate') {
        s.validations.push(url.pathname);
        const ticket = url.searchParams.get('ticket') ?? '';
        const entry = s.tickets.get(ticket);
        s.tickets.delete(ticket); // single use
        res.writeHead(200, { 'content-type': 'application/xml' });
        if (!entry || entry.service !== url.searchParams.get('service')) {
          res.end(
            `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas"><cas:authenticationFailure code="INVALID_TICKET">Ticket ${esc(ticket)} not recognized</cas:authenticationFailure></cas:serviceResponse>`,
          );
          return;
        }
        const attrs = Object.entries(entry.user.attributes)
          .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `<cas:${k}>${esc(x)}</cas:${k}>`))
          .join('');
        res.end(
          `<cas:serviceResponse xmlns:cas="http://www.yale.edu/tp/cas">\n <cas:authenticationSuccess>\n  <cas:user>${esc(entry.user.user)}</cas:user>\n  <cas:attributes>${attrs}</cas:attributes>\n </cas:authenticationSuccess>\n</cas:serviceResponse>`,
        );
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r));
    s.baseUrl = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}/cas`;
    return s;
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
