import { defineConfig } from 'vitest/config';

// The three-broker suite (`npm run test:cluster`): run against the cluster profile, which
// infra/test.mjs brings up; it stops and restarts brokers, so nothing else runs beside it.
export default defineConfig({
  test: {
    include: ['src/cluster/**/*.cluster.spec.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
