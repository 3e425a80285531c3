import { defineConfig } from 'prisma/config';
import { PrismaPgMigrate } from './migrate-adapter.js';
import { poolConfigFromUrl } from './pool-config.js';

export interface OfflinePrismaConfigOptions {
  /** Environment variable holding this app's database URL (also the schema's `env(...)`). */
  databaseUrlEnv: string;
  /** Used, and exported to the variable, when it is unset: Prisma does not read .env when a config file exists. */
  defaultDatabaseUrl: string;
  schema: string;
  migrations: string;
}

/** A prisma.config that migrates through the bundled WASM schema engine, so nothing is downloaded. */
export function defineOfflinePrismaConfig(options: OfflinePrismaConfigOptions) {
  const databaseUrl = (process.env[options.databaseUrlEnv] ||= options.defaultDatabaseUrl);
  process.env.CHECKPOINT_DISABLE ??= '1';
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    schema: options.schema,
    migrations: { path: options.migrations },
    adapter: async () => new PrismaPgMigrate(poolConfigFromUrl(databaseUrl)),
  });
}
