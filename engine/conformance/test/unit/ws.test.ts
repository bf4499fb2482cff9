/**
 * The `graphql-transport-ws` client against a minimal server speaking that protocol (ws only): ack, ping/pong,
 * next/complete, error as `{errors}`, and a close before the ack (4403) as a connection error.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { wsRequest } from '../../ws.js';

let wss: WebSocketServer;
let base = '';
const seen: { protocol: string; init: unknown }[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.on('listening', () => r()));
  base = `http://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  wss.on('connection', (sock) => {
    sock.on('message', (raw: Buffer) => {
      const msg = JSON.parse(raw.toString('utf8')) as { type: string; id?: string; payload?: Record<string, unknown> };
      if (msg.type === 'connection_init') {
        seen.push({ protocol: sock.protocol, init: msg.payload });
        const headers = (msg.payload?.['headers'] ?? {}) as Record<string, string>;
        if (headers['X-Hasura-Role'] === 'nobody') return sock.close(4403, 'Forbidden');
        sock.send(JSON.stringify({ type: 'ping' }));
        return sock.send(JSON.stringify({ type: 'connection_ack' }));
      }
      if (msg.type === 'subscribe') {
        const q = msg.payload?.['query'];
        const query = typeof q === 'string' ? q : '';
        if (query.includes('bad')) {
          return sock.send(JSON.stringify({ id: msg.id, type: 'error', payload: [{ message: 'bad field' }] }));
        }
        sock.send(JSON.stringify({ id: msg.id, type: 'next', payload: { data: { echo: query } } }));
        sock.send(JSON.stringify({ id: msg.id, type: 'complete' }));
      }
    });
  });
});

afterAll(() => new Promise<void>((r) => wss.close(() => r())));

describe('graphql-transport-ws transport', () => {
  const opts = { subscription: false, protocol: 'graphql-transport-ws' as const, timeoutMs: 5000 };

  it('sends the headers in connection_init and returns the next payload', async () => {
    const res = await wsRequest(base, '/v1/graphql', { query: 'query { a }' }, { 'X-Hasura-Role': 'admin' }, opts);
    expect(res).toEqual({ type: 'data', payload: { data: { echo: 'query { a }' } } });
    expect(seen.at(-1)).toEqual({ protocol: 'graphql-transport-ws', init: { headers: { 'X-Hasura-Role': 'admin' } } });
  });

  it('reports an error message as an errors body', async () => {
    const res = await wsRequest(base, '/v1/graphql', { query: 'query { bad }' }, {}, opts);
    expect(res).toEqual({ type: 'error', payload: { errors: [{ message: 'bad field' }] } });
  });

  it('reports a close before the ack as a connection error', async () => {
    const res = await wsRequest(base, '/v1/graphql', { query: 'query { a }' }, { 'X-Hasura-Role': 'nobody' }, opts);
    expect(res).toEqual({ type: 'connection_error', payload: { code: 4403, reason: 'Forbidden' } });
  });
});
