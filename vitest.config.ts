import { defineConfig } from 'vitest/config';

const isCI = process.env['CI'] === 'true';

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
          exclude: ['**/node_modules/**', '.stack/**', '**/test/unit/**'],
          globalSetup: ['stack/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
