/**
 * Scale-out: the `api` service with three replicas (API_REPLICAS=3), each its own server of `api@docker` with its
 * own health check, as Traefik's Docker provider makes them. Round robin over the healthy ones; a dead replica's
 * refused connections move to another replica for any method; a request lost in flight is retried once when it is a
 * GET and answered 502 when it is a POST; the maintenance page appears only when every replica is down. The service
 * address (the VIP other containers reach as http://api:4096) balances the same way, without routers or middlewares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplicaHandle } from '../../stack/src/local/replica.js';
import { startEdge, type Edge } from './edge.js';
import { request, sleep, type Reply } from './helpers.js';

let edge: Edge;
let apis: ReplicaHandle[];
/** `<address>:4096` of each replica, as the stand-in's x-upstream header names it */
let upstreams: string[];
let vip: string;

beforeAll(async () => {
  edge = await startEdge({ api: 3, engine: 0 });
  apis = edge.api;
  upstreams = apis.map((a) => `${a.address}:4096`);
  vip = edge.local.serviceUrl('api', 4096);
});

afterAll(async () => {
  await edge?.stop();
});

const upstreamOf = (r: Reply): string => String(r.headers['x-upstream']);
const isMaintenance = (r: Reply): boolean => r.status === 503 && r.headers['retry-after'] === '300';
const replica = (i: number): ReplicaHandle => {
  const r = apis[i];
  if (r === undefined) throw new Error(`no replica ${i}`);
  return r;
};

/** Polls until every replica has answered through the gateway (health checks run every second). */
async function allServing(): Promise<void> {
  const deadline = performance.now() + 5000;
  for (;;) {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i += 1) seen.add(upstreamOf(await request(`${edge.url}/api/ping`)));
    if (upstreams.every((u) => seen.has(u))) return;
    expect(performance.now(), `replicas seen: ${[...seen].join(', ')}`).toBeLessThan(deadline);
    await sleep(200);
  }
}

describe('an API service with three replicas', () => {
  it('runs three replicas on their own addresses, and a VIP in front of them', () => {
    expect(apis).toHaveLength(3);
    expect(new Set(apis.map((a) => a.address)).size).toBe(3);
    expect(vip).toMatch(/^http:\/\/127\.\d+\.\d+\.250:4096$/);
  });

  it('balances round robin over the replicas', async () => {
    await allServing();
    const seen = new Map<string, number>();
    for (let i = 0; i < 9; i += 1) {
      const r = await request(`${edge.url}/api/echo`);
      expect(r.status).toBe(200);
      seen.set(upstreamOf(r), (seen.get(upstreamOf(r)) ?? 0) + 1);
    }
    expect([...seen.entries()].sort()).toEqual(upstreams.map((u) => [u, 3]).sort());
  });

  it('moves every request off a killed replica before its health check notices (connection refused)', async () => {
    await replica(0).kill('SIGKILL');
    // Sequential, so round robin hands the dead replica every third request of each method.
    const replies: Reply[] = [];
    for (const method of ['POST', 'GET', 'POST', 'GET']) {
      for (let i = 0; i < 3; i += 1) {
        replies.push(
          await request(`${edge.url}/api/echo`, { method, body: method === 'POST' ? '{"n":1}' : undefined }),
        );
      }
    }
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 200));
    expect(new Set(replies.map(upstreamOf))).toEqual(new Set([upstreams[1], upstreams[2]]));
    await replica(0).restart();
    await allServing();
  });

  it('retries a GET lost in flight on another replica once; a POST lost in flight gets 502', async () => {
    await allServing();
    // One GET, then one POST, on each replica (round robin), each held 800 ms by the replica.
    const gets = upstreams.map(() => request(`${edge.url}/api/slow?ms=800`, { timeoutMs: 5000 }));
    await sleep(100);
    const posts = upstreams.map(() =>
      request(`${edge.url}/api/slow?ms=800`, { method: 'POST', body: '{}', timeoutMs: 5000 }),
    );
    await sleep(200);
    await replica(1).kill('SIGKILL');
    const g = await Promise.all(gets);
    const p = await Promise.all(posts);
    expect(g.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(g.map(upstreamOf)).not.toContain(upstreams[1]);
    expect(p.map((r) => r.status).sort()).toEqual([200, 200, 502]);
    await replica(1).restart();
    await allServing();
  });

  it('the service address balances over the replicas without the public routers and middlewares', async () => {
    const replies = await Promise.all(upstreams.map(() => request(`${vip}/api/echo`)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(replies.map(upstreamOf))).toEqual(new Set(upstreams));
    for (const r of replies) {
      expect(r.headers['x-frame-options']).toBeUndefined();
      expect(r.headers['x-powered-by']).toBe('stand-in');
    }
  });

  it('serves from the last healthy replica, and shows the maintenance page only when every replica is down', async () => {
    await Promise.all([replica(0).kill('SIGKILL'), replica(1).kill('SIGKILL')]);
    await sleep(1500);
    for (let i = 0; i < 10; i += 1) {
      const r = await request(`${edge.url}/api/ping`, { timeoutMs: 3000 });
      expect(r.status).toBe(200);
      expect(upstreamOf(r)).toBe(upstreams[2]);
    }
    // the VIP moves refused connections to the live replica too
    for (let i = 0; i < 3; i += 1) {
      expect(upstreamOf(await request(`${vip}/api/ping`, { timeoutMs: 3000 }))).toBe(upstreams[2]);
    }
    await replica(2).kill('SIGKILL');
    const r = await request(`${edge.url}/api/ping`, { timeoutMs: 3000 });
    expect(isMaintenance(r)).toBe(true);
    const direct = await request(`${vip}/api/ping`, { timeoutMs: 3000 });
    expect(direct.status).toBe(502);
    // once the health checks marked every replica down, the failover answers without trying them
    await sleep(1500);
    const later = await request(`${edge.url}/api/echo`, { method: 'POST', body: '{}', timeoutMs: 3000 });
    expect(isMaintenance(later)).toBe(true);
    await Promise.all([0, 1, 2].map((i) => replica(i).restart()));
    await allServing();
  });
});
