// @ts-check
import { defineConfig } from 'vitest/config';

// infra's own pure decisions (the benchmark's statistics and options); nothing here needs a stack.
export default defineConfig({ test: { include: ['**/*.spec.mjs'] } });
