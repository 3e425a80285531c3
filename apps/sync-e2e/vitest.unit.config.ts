import { defineConfig } from 'vitest/config';

// The suite's own pure helpers (the checks the end-to-end tests rely on), with no infrastructure.
export default defineConfig({
  test: {
    include: ['src/**/*.spec.ts'],
    exclude: ['src/**/*.e2e.spec.ts', 'src/**/*.cluster.spec.ts'],
  },
});
