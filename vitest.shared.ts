import swc from 'unplugin-swc';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Vitest for NestJS: SWC compiles the TypeScript so decorator metadata (what Nest's DI and
 * class-validator read) is emitted, which esbuild does not do.
 */
export function nestVitestConfig(test: NonNullable<ViteUserConfig['test']> = {}) {
  return defineConfig({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    test: { include: ['src/**/*.spec.ts'], ...test },
  });
}
