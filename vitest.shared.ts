import swc from 'unplugin-swc';
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

/** Specs that need infrastructure (the test databases): named apart so unit specs run with none. */
const integrationSpecs = 'src/**/*.int.spec.ts';

/**
 * Vitest for NestJS: SWC compiles the TypeScript so decorator metadata (what Nest's DI and
 * class-validator read) is emitted, which esbuild does not do. Two Vitest projects: `unit`
 * (`nx test`, no infrastructure) and `int` (`nx test-int`, the *.int.spec.ts files), chosen with
 * `--project`; `integration` holds options for the int project only (e.g. one file at a time).
 */
export function nestVitestConfig(integration: NonNullable<ViteUserConfig['test']> = {}) {
  return defineConfig({
    plugins: [swc.vite({ module: { type: 'es6' } })],
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: ['src/**/*.spec.ts'], exclude: [...configDefaults.exclude, integrationSpecs] },
        },
        { extends: true, test: { name: 'int', include: [integrationSpecs], ...integration } },
      ],
    },
  });
}
