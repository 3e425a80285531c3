import { defineConfig } from 'vitest/config';

// The suite drives real processes against one Kafka and two databases: files run one at a time.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.spec.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
