/**
 * vitest global setup for integration tests: one throwaway stack per test run (temp dir, free ports), with a
 * migrated and seeded template database `ct_template` that test files clone. Two runs side by side get two stacks;
 * a developer's `.stack/` is never touched.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack, type StackInfo } from './harness.js';
import { buildDatabase } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export const TEMPLATE_DB = 'ct_template';
export const TEST_SEED = { seed: 42, scale: 0.05 } as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'ct-test-'));
  const stack = await startStack({ dir, persistent: false });
  try {
    await buildDatabase(stack, TEMPLATE_DB, { seed: TEST_SEED });
  } catch (err) {
    await stack.stop();
    throw err;
  }
  const {
    directUrl: _d,
    bouncerUrl: _b,
    createDatabase: _c,
    dropDatabase: _x,
    superClient: _s,
    stop: _t,
    ...info
  } = stack;
  project.provide('stack', info);
  return () => stack.stop();
}
