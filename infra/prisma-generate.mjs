// postinstall: generate both apps' Prisma clients (pure TypeScript, no engine download).
// Their prisma.config.ts files load libs/prisma-offline, so it is compiled first.
import { run } from './run.mjs';

await run('npx', ['tsc', '-p', 'libs/prisma-offline/tsconfig.json']);
for (const app of ['apps/api-service', 'apps/product-consumer']) {
  await run('npx', ['prisma', 'generate'], { cwd: app, env: { CHECKPOINT_DISABLE: '1' } });
}
