// postinstall: generate both apps' Prisma clients (pure TypeScript, no engine download).
import { run } from './run.mjs';

for (const app of ['apps/api-service', 'apps/product-consumer']) {
  await run('npx', ['prisma', 'generate'], { cwd: app, env: { CHECKPOINT_DISABLE: '1' } });
}
