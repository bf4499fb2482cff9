/** The worker's heartbeat file (its container healthcheck): touched only while the worker is alive. */
import { existsSync, mkdtempSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHeartbeat } from '../../src/jobs/heartbeat.js';

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 50));

describe('worker heartbeat', () => {
  it('touches the file while alive', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hb-')), 'heartbeat');
    const stop = startHeartbeat(
      file,
      () => Promise.resolve(true),
      () => undefined,
    );
    await settle();
    stop();
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(5000);
  });

  it('leaves a stale file stale when the worker is not alive (Redis down, workers stopped)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hb-')), 'heartbeat');
    const dead = startHeartbeat(
      file,
      () => Promise.resolve(false),
      () => undefined,
    );
    await settle();
    dead();
    expect(existsSync(file)).toBe(false);
    const stop = startHeartbeat(
      file,
      () => Promise.resolve(true),
      () => undefined,
    );
    await settle();
    stop();
    const old = new Date(Date.now() - 60_000);
    utimesSync(file, old, old);
    const failing = startHeartbeat(
      file,
      () => Promise.reject(new Error('redis down')),
      () => undefined,
    );
    await settle();
    failing();
    expect(Date.now() - statSync(file).mtimeMs).toBeGreaterThan(50_000);
  });
});
