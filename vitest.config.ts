import { defineConfig } from 'vitest/config';

// Unit and integration tests run in Node; the browser end-to-end suite is Playwright's (test/e2e, *.spec.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
  },
});
