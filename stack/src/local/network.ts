/**
 * The local stand-in for the stack's Docker network: every replica of a docker-compose service gets its own loopback
 * address and keeps its container ports, so the URLs in docker-compose.yml (`postgres://…@pgbouncer:6432/…`,
 * `http://api:4096`) work as written. Linux routes all of 127.0.0.0/8 to the loopback interface, so nothing has to
 * be configured.
 *
 *   127.B.S.R    replica R (1-based) of the S-th service of the file; B is one free block per running stack
 *   127.B.S.250  the service's virtual IP when it has several replicas (stack/src/local/service-vip.ts balances it)
 *
 * A stack claims its block by listening on 127.B.255.254:CLAIM_PORT for as long as it runs, so two stacks on one
 * machine (a developer's `npm start` and a test run) never share addresses.
 */
import { createServer, type Server } from 'node:net';

export const VIP_HOST = 250;
const CLAIM_PORT = 59_999;
const MAX_REPLICAS = VIP_HOST - 1;

export interface AddressBlock {
  /** second octet */
  block: number;
  /** the replica's address */
  replica(serviceIndex: number, replica: number): string;
  /** the service's virtual IP (several replicas) */
  vip(serviceIndex: number): string;
  release(): Promise<void>;
}

function listen(host: string): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(undefined));
    server.listen(CLAIM_PORT, host, () => resolve(server));
  });
}

/** Claims a free 127.B.0.0/16 block (B in 16..249, tried in random order). */
export async function claimAddressBlock(): Promise<AddressBlock> {
  const candidates = Array.from({ length: 234 }, (_, i) => i + 16).sort(() => Math.random() - 0.5);
  for (const block of candidates) {
    const claim = await listen(`127.${block}.255.254`);
    if (claim === undefined) continue;
    const check = (s: number, r: number): void => {
      if (s < 1 || s > 249) throw new Error(`service index ${s} out of range (at most 249 services)`);
      if (r < 1 || r > MAX_REPLICAS) throw new Error(`replica ${r} out of range (at most ${MAX_REPLICAS} replicas)`);
    };
    return {
      block,
      replica(s, r) {
        check(s, r);
        return `127.${block}.${s}.${r}`;
      },
      vip(s) {
        check(s, 1);
        return `127.${block}.${s}.${VIP_HOST}`;
      },
      release: () => new Promise((done) => claim.close(() => done())),
    };
  }
  throw new Error('no free 127.x.0.0/16 address block for the local stack');
}
