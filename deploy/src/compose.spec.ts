import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasDockerCompose, repoRoot, requireDockerCompose, runIn } from './tools.js';

const PROFILES = [
  [],
  ['--profile', 'cluster'],
  ['--profile', 'apps'],
  ['--profile', 'apps', '--profile', 'observability'],
  ['--profile', 'apps', '--profile', 'view'],
  ['-f', 'docker-compose.yml', '-f', 'deploy/compose.secured.yml', '--profile', 'secured', '--profile', 'apps'],
];

if (!hasDockerCompose)
  console.warn('docker-compose is not installed: compose checks skipped (apt-get install docker-compose)');

describe.skipIf(!hasDockerCompose && !requireDockerCompose)('docker-compose.yml', () => {
  it.each(PROFILES.map((args) => [args.join(' ') || 'default', args]))('is valid with profile %s', (_, args) => {
    const { status, output } = runIn('docker-compose', [...args, 'config', '-q']);

    expect(output).toBe('');
    expect(status).toBe(0);
  });

  it('publishes every port on 127.0.0.1 only, in every profile', () => {
    const config = PROFILES.map((args) => runIn('docker-compose', [...args, 'config']).output).join('\n');
    // docker-compose prints a port with a host address as `- 127.0.0.1:9092:9092/tcp`, one without as `- published: 9092`.
    const published = config.match(/^\s+- (\S+:\d+\/tcp|published: \d+)$/gm) ?? [];

    expect(published.length).toBeGreaterThanOrEqual(8);
    expect(published.filter((line) => !line.trim().startsWith('- 127.0.0.1:'))).toEqual([]);
  });
});

/** `docker-compose config`'s text per service (its `services:` section, two-space indented names). */
function serviceBlocks(config: string): Map<string, string> {
  const services = `\n${config}`.split(/\n(?=\S)/).find((section) => section.startsWith('services:')) ?? '';
  const blocks = services.split(/\n(?= {2}[\w-]+:\n)/).slice(1);
  return new Map(blocks.map((block) => [block.trim().split(':')[0], block]));
}

describe.skipIf(!hasDockerCompose && !requireDockerCompose)('the apps in compose', () => {
  it('connect to PostgreSQL each as its own role; only migrate holds the superuser', () => {
    const services = serviceBlocks(
      runIn('docker-compose', ['--profile', 'apps', '--profile', 'view', 'config']).output,
    );
    const roles = {
      'api-service': ['nks_api', 'nks_catalog_reader'],
      'product-producer': ['nks_relay'],
      'product-consumer': ['nks_consumer'],
      'pipeline-view': ['nks_api_reader', 'nks_catalog_reader'],
    };

    for (const [app, expected] of Object.entries(roles)) {
      const users = [...(services.get(app) ?? '').matchAll(/postgresql:\/\/(\w+):/g)].map((m) => m[1]);
      expect(users.sort(), app).toEqual(expected.sort());
    }
    expect(services.get('migrate')).toMatch(/postgresql:\/\/postgres:/);
  });
});

describe.skipIf(!hasDockerCompose && !requireDockerCompose)('deploy/compose.secured.yml', () => {
  it('puts each app on the secured broker as its own Kafka user, holding only its own password', () => {
    const secured = ['-f', 'docker-compose.yml', '-f', 'deploy/compose.secured.yml', '--profile', 'secured'];
    const services = serviceBlocks(runIn('docker-compose', [...secured, '--profile', 'apps', 'config']).output);

    for (const app of ['api-service', 'product-producer', 'product-consumer']) {
      const block = services.get(app) ?? '';
      expect(block).toMatch(/KAFKA_BROKERS: kafka-secure:9094/);
      expect(block).toMatch(new RegExp(`KAFKA_SASL_USERNAME: ${app}\\n`));
      expect(block.match(/kafka-client-[\w-]+/g)).toEqual([`kafka-client-${app}`]);
    }
    expect(services.get('kafka-secure')).not.toMatch(/ports:/);
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(`${repoRoot}deploy/Dockerfile`, 'utf8');
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('builds with deploy/assemble.sh and runs production dependencies only, as a non-root user, with a health check', () => {
    expect(dockerfile).toMatch(/RUN bash deploy\/assemble\.sh "\$APP" \/out/);
    expect(runtime).toMatch(/^COPY --from=build \/out \.\/$/m);
    expect(runtime.match(/^COPY /gm)).toHaveLength(1); // the image holds what assemble.sh laid out, nothing else
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
  });
});
