import { defineConfig } from 'vitest/config';

const isCI = process.env['CI'] === 'true';
const LOAD_TESTS = ['proof/test/faults.test.ts', 'proof/test/scale-out.test.ts'];

export default defineConfig({
  test: {
    allowOnly: !isCI,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/test/unit/**/*.test.ts'],
          exclude: ['**/node_modules/**', '.stack/**'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', '.stack/**', '**/test/unit/**', ...LOAD_TESTS],
          globalSetup: ['stack/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Tests that measure behaviour under load and kill processes: one file at a time, after the rest
        // (`npm test` runs this project last, on its own), so their timings are not the other files' contention.
        test: {
          name: 'load',
          include: LOAD_TESTS,
          globalSetup: ['stack/src/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
