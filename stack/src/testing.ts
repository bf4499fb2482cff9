/**
 * Helpers for integration tests: the run's stack (from the global setup) and per-file databases cloned from the
 * migrated, seeded template. See docs/design.md "Test helpers".
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { attach, type Role, type Stack, type StackInfo } from './harness.js';

export type { Role, StackInfo };

export interface TestDb {
  name: string;
  directUrl: (role?: Role | 'postgres') => string;
  bouncerUrl: (role: Role) => string;
  drop: () => Promise<void>;
}

let cached: Stack | undefined;

/** The test run's stack (ports, socket dir, passwords, helper methods). */
export function testStack(): Stack {
  cached ??= attach(inject('stack'));
  return cached;
}

function wrap(stack: Stack, name: string): TestDb {
  return {
    name,
    directUrl: (role) => stack.directUrl(name, role),
    bouncerUrl: (role) => stack.bouncerUrl(name, role),
    drop: () => stack.dropDatabase(name),
  };
}

const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`;

/** A new database cloned from the migrated and seeded template `ct_template`. */
export async function cloneTemplate(): Promise<TestDb> {
  const stack = testStack();
  const name = uniqueName('t');
  await stack.createDatabase(name, { template: 'ct_template' });
  return wrap(stack, name);
}

/** A new empty database owned by ct_owner (roles exist; nothing else). */
export async function emptyDatabase(): Promise<TestDb> {
  const stack = testStack();
  const name = uniqueName('e');
  await stack.createDatabase(name);
  return wrap(stack, name);
}

/**
 * The sum of a metric's samples in Prometheus' text format whose labels include all of `labels` (0 when there is
 * none), for the tests that scrape a /metrics endpoint.
 */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (m?.[1] !== name) continue;
    const have = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) sum += Number(m[3]);
  }
  return sum;
}
