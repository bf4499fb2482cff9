// Standalone run of the gateway tests without the root global setup (they need no database):
//   npx vitest run --config gateway/vitest.config.ts
// `npm test` at the root runs the same files as part of the whole suite.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
