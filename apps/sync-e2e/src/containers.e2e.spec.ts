import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Product } from './support/api.js';
import { AppProcess, type AppName } from './support/app-process.js';
import { closeDatabases, expectReplicaEqualsSource, resetDatabases } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { skipToEndOfTopic } from './support/kafka.js';
import { viewUrl } from './support/pipeline-view.js';
import { testKeys } from './support/api.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = `${repoRoot}.local/container-images`;

/**
 * What each app's container image holds, without a Docker engine: deploy/assemble.sh (the script the
 * Dockerfile's build stage runs) lays out the image's files, `npm ci --omit=dev --ignore-scripts`
 * installs what its runtime stage installs, and the app starts from there against the test stack.
 * A file the image lacks (a library's build, a runtime dependency kept in devDependencies) fails here.
 */
function assembleImage(app: AppName): string {
  const root = `${scratch}/${app}`;
  rmSync(root, { recursive: true, force: true });
  execFileSync('bash', [`${repoRoot}deploy/assemble.sh`, app, root], { stdio: 'inherit' });
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'ignore',
  });
  return root;
}

const images: AppProcess[] = [];

describe('the apps as their container images hold them', () => {
  beforeAll(async () => {
    await resetDatabases();
    await skipToEndOfTopic();
    for (const [app, url, env] of [
      ['api-service', e2eEnv.apiUrl, {}],
      ['product-producer', e2eEnv.producerUrl, {}],
      ['product-consumer', e2eEnv.consumerUrl, {}],
      ['pipeline-view', viewUrl, { PIPELINE_VIEW_API_KEY: testKeys.learner }],
    ] as const)
      images.push(new AppProcess(app, `${url}/health`, env, `${app}-image`, assembleImage(app)));
  }, 300_000);
  afterAll(async () => {
    await Promise.all(images.map((image) => image.stop()));
    await closeDatabases();
  });

  it('start from production dependencies and built output only, sync a change, and stop on SIGTERM', async () => {
    await Promise.all(images.map((image) => image.start()));

    const created = await call<Product>(
      'POST',
      '/products',
      { sku: 'IMAGE-1', name: 'Imaged', price: 3, stock: 1 },
      {
        Prefer: 'wait-for-sync=10000',
      },
    );

    expect(created).toMatchObject({ status: 201, body: { sync: { status: 'in-sync' } } });
    expect(await expectReplicaEqualsSource()).toBe(1);
    // The live view's page is static files beside its build (public/): the image must hold them too.
    const page = await fetch(`${viewUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>[^<]*pipeline[^<]*<\/title>/i);
    for (const image of images) {
      expect(await image.stop('SIGTERM'), `${image.label} was running`).toBe(true);
      const exit = image.exits.at(-1);
      expect(exit?.signal === 'SIGTERM' || exit?.code === 0, `${image.label} ended by ${JSON.stringify(exit)}`).toBe(
        true,
      );
      expect(image.unexpectedExits).toEqual([]);
    }
  });
});
