import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeys } from './support/api.js';
import { closeDatabases, resetDatabases } from './support/databases.js';
import { e2eEnv } from './support/env.js';
import { eventually } from './support/eventually.js';
import { recreateProductEventsTopic, skipToEndOfTopic } from './support/kafka.js';
import { SupervisedApps } from './support/supervised-apps.js';
import { lessonsIn } from './support/tour-lessons.js';
import { runLesson } from './support/tour-runner.js';

// Docs that cannot rot: every `sh tour` block of every lesson, in both languages, runs against the test stack
// (the apps under npm start's own supervisor, so `npm run app` works), and its output must show what the
// lesson says the learner will see.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const apps = new SupervisedApps();
const [kafkaHost, kafkaPort] = e2eEnv.kafkaBrokers[0].split(':');

/** What each lesson's `API=…` lines become, and what the npm scripts it runs are given. */
const values = {
  API: e2eEnv.apiUrl,
  REPLICA: e2eEnv.consumerUrl,
  GROUP: e2eEnv.consumerGroupId,
  API_DB: e2eEnv.apiDatabaseUrl,
  CATALOG_DB: e2eEnv.catalogDatabaseUrl,
  API_KEY: testKeys.learner, // both scopes, like npm start's development key
};
const env = {
  NKS_CONTROL_SOCKET: apps.controlSocket,
  NO_COLOR: '1',
  KAFKA_HOST: kafkaHost,
  KAFKA_PORT: kafkaPort,
  KAFKA_HOME_DIR: `${repoRoot}.local/kafka-test`,
};

beforeAll(async () => {
  // A topic of the tour's own events only: the rebuild lesson replays it whole.
  await recreateProductEventsTopic();
  await resetDatabases();
  await skipToEndOfTopic();
  await apps.start();
});
afterAll(async () => {
  await apps.stop();
  await closeDatabases();
});

const npmApp = (...args: string[]) =>
  execFileSync('node', ['infra/app.mjs', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm start supervises its apps', () => {
  it('restarts an app that crashed, after a logged backoff, and npm run app restarts one on request', async () => {
    const pidOf = () => Number(/product-consumer: running \(pid (\d+)\)/.exec(npmApp('status'))?.[1]);
    const crashed = pidOf();
    process.kill(crashed, 'SIGKILL');
    await eventually(
      async () => {
        expect(pidOf()).toBeGreaterThan(0);
        expect(pidOf()).not.toBe(crashed);
        expect(apps.log).toMatch(/product-consumer exited by itself \(SIGKILL\); restarting it in 1 s/);
      },
      { timeoutMs: 20_000 },
    );
    await apps.healthy();

    const before = pidOf();
    expect(npmApp('restart', 'product-consumer')).toMatch(/product-consumer stopped .*; product-consumer started/);
    expect(pidOf()).not.toBe(before);
    await apps.healthy();
  });
});

for (const language of ['en', 'pt-BR']) {
  const dir = `${repoRoot}docs/tour${language === 'en' ? '' : '/pt-BR'}`;
  describe(`the tour (${language})`, () => {
    const lessons = lessonsIn(dir);
    it('has ten or more lessons, each naming code that exists', () => {
      expect(lessons.length).toBeGreaterThanOrEqual(10);
      for (const lesson of lessons) {
        const text = readFileSync(lesson.file, 'utf8');
        const places = [...text.matchAll(/`((?:apps|libs|infra)\/[^`]+)`: `([\w.]+)(?:\(\))?`/g)];
        expect(places.length, `${lesson.file} names no file: function`).toBeGreaterThan(0);
        for (const [, file, name] of places) {
          expect(existsSync(`${repoRoot}${file}`), `${lesson.file}: ${file} does not exist`).toBe(true);
          const identifier = name.split('.').pop() ?? name;
          expect(readFileSync(`${repoRoot}${file}`, 'utf8'), `${lesson.file}: no ${name} in ${file}`).toContain(
            identifier,
          );
        }
      }
    });
    for (const lesson of lessons) {
      const name = lesson.file.slice(dir.length + 1);
      if (lesson.notRun) {
        console.log(`tour: ${language}/${name} not run: ${lesson.notRun}`);
        it.skip(`${name} (not run: ${lesson.notRun})`, () => undefined);
        continue;
      }
      it(`${name}: every command runs and shows what the lesson says`, { timeout: 100_000 }, async () => {
        expect(lesson.blocks.length, `${name} has no runnable block`).toBeGreaterThan(0);
        const run = await runLesson(lesson, values, env, 90_000);
        const failed = run.outputs.length - 1;
        expect(run.exitCode, `${name}: block ${failed + 1} failed:\n${run.outputs[failed]}`).toBe(0);
        lesson.blocks.forEach((block, i) => {
          for (const pattern of block.expects)
            expect(run.outputs[i], `${name}, block ${i + 1} should show ${pattern}`).toMatch(pattern);
        });
      });
    }
  });
}
