/**
 * Scale-out in the gateway: one docker-compose URL mapped to three API replicas (stand-in processes). Round robin
 * over the healthy ones; a dead replica's refused connections move to another replica for any method; a request lost
 * in flight is retried once when it is a GET and answered 502 when it is a POST; the maintenance page appears only
 * when every replica is down. The service address (Docker's VIP for service-to-service calls) balances the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../src/index.js';
import { DYNAMIC_DIR, MAINTENANCE_DIR, request, sleep, spawnUpstream, type Reply, type Upstream } from './helpers.js';

const API = 'http://api:4096';
let apis: Upstream[] = [];
let ports: number[] = [];
let gw: Gateway;
let vip: string;

beforeAll(async () => {
  apis = await Promise.all([spawnUpstream('api'), spawnUpstream('api'), spawnUpstream('api')]);
  ports = apis.map((a) => a.port);
  gw = await startGateway({
    dynamicDir: DYNAMIC_DIR,
    serviceMap: { [API]: apis.map((a) => a.url), 'http://under-maintenance:8080': `static:${MAINTENANCE_DIR}` },
    serviceAddresses: { [API]: 0 },
    port: 0,
    log: () => {},
  });
  vip = gw.serviceUrls[API] ?? '';
});

afterAll(async () => {
  await gw.close();
  await Promise.all(apis.map((a) => a.kill()));
});

const portOf = (r: Reply): number => Number(r.headers['x-upstream-port']);
const isMaintenance = (r: Reply): boolean => r.status === 503 && r.headers['retry-after'] === '300';

async function revive(i: number): Promise<void> {
  apis[i] = await spawnUpstream('api', ports[i]);
}

/** Polls until every replica has answered through the gateway (health checks run every second). */
async function allServing(): Promise<void> {
  const deadline = performance.now() + 5000;
  for (;;) {
    const seen = new Set<number>();
    for (let i = 0; i < 6; i += 1) seen.add(portOf(await request(`${gw.url}/api/ping`)));
    if (ports.every((p) => seen.has(p))) return;
    expect(performance.now(), `replicas seen: ${[...seen].join(', ')}`).toBeLessThan(deadline);
    await sleep(200);
  }
}

describe('an API service with three replicas', () => {
  it('balances round robin over the replicas', async () => {
    const seen = new Map<number, number>();
    for (let i = 0; i < 9; i += 1) {
      const r = await request(`${gw.url}/api/echo`);
      expect(r.status).toBe(200);
      seen.set(portOf(r), (seen.get(portOf(r)) ?? 0) + 1);
    }
    expect([...seen.entries()].sort()).toEqual(ports.map((p) => [p, 3]).sort());
  });

  it('moves every request off a killed replica before its health check notices (connection refused)', async () => {
    await apis[0]!.kill();
    // Sequential, so round robin hands the dead replica every third request of each method.
    const replies: Reply[] = [];
    for (const method of ['POST', 'GET', 'POST', 'GET']) {
      for (let i = 0; i < 3; i += 1) {
        replies.push(await request(`${gw.url}/api/echo`, { method, body: method === 'POST' ? '{"n":1}' : undefined }));
      }
    }
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    expect(new Set(replies.map(portOf))).toEqual(new Set([ports[1], ports[2]]));
    await revive(0);
    await allServing();
  });

  it('retries a GET lost in flight on another replica once; a POST lost in flight gets 502', async () => {
    await allServing();
    // One GET, then one POST, on each replica (round robin), each held 800 ms by the replica.
    const gets = ports.map(() => request(`${gw.url}/api/slow?ms=800`, { timeoutMs: 5000 }));
    await sleep(100);
    const posts = ports.map(() =>
      request(`${gw.url}/api/slow?ms=800`, { method: 'POST', body: '{}', timeoutMs: 5000 }),
    );
    await sleep(200);
    await apis[1]!.kill();
    const g = await Promise.all(gets);
    const p = await Promise.all(posts);
    expect(g.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(g.map(portOf)).not.toContain(ports[1]);
    expect(p.map((r) => r.status).sort()).toEqual([200, 200, 502]);
    await revive(1);
    await allServing();
  });

  it('the service address balances over the replicas without the public routers and middlewares', async () => {
    const replies = await Promise.all(ports.map(() => request(`${vip}/api/echo`)));
    expect(new Set(replies.map(portOf)).size).toBe(3);
    for (const r of replies) expect(r.headers['x-frame-options']).toBeUndefined();
  });

  it('serves from the last healthy replica, and shows the maintenance page only when every replica is down', async () => {
    await Promise.all([apis[0]!.kill(), apis[1]!.kill()]);
    await sleep(1500);
    for (let i = 0; i < 10; i += 1) {
      const r = await request(`${gw.url}/api/ping`, { timeoutMs: 3000 });
      expect(r.status).toBe(200);
      expect(portOf(r)).toBe(ports[2]);
    }
    await apis[2]!.kill();
    const r = await request(`${gw.url}/api/ping`, { timeoutMs: 3000 });
    expect(isMaintenance(r)).toBe(true);
    const direct = await request(`${vip}/api/ping`, { timeoutMs: 3000 });
    expect(direct.status).toBe(502);
    await Promise.all([0, 1, 2].map(revive));
    await allServing();
  });
});
