import { configDefaults, defineConfig } from 'vitest/config';

// The suite drives real processes against one Kafka and two databases: files run one at a time.
// E2E_EXCLUDE (comma-separated files) leaves some out: infra/test.mjs's Node 26 pass skips a few (see there).
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.spec.ts'],
    exclude: [...configDefaults.exclude, ...(process.env.E2E_EXCLUDE?.split(',').filter(Boolean) ?? [])],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
