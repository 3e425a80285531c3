import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, resetDatabases } from './support/databases.js';
import { eventually } from './support/eventually.js';
import { recreateProductEventsTopic, skipToEndOfTopic } from './support/kafka.js';
import { SupervisedApps } from './support/supervised-apps.js';
import { expectPlacesExist, lessonTest, npmApp, TOUR_LANGUAGES, tourDir, tourEnv } from './support/tour-doc-test.js';
import { lessonsIn } from './support/tour-lessons.js';

// Docs that cannot rot: every `sh tour` block of every lesson, in both languages, runs against the test stack
// (the apps under npm start's own supervisor, so `npm run app` works), and its output must show what the
// lesson says the learner will see. The three-broker lesson runs in the cluster suite (cluster/tour.cluster.spec.ts).
const apps = new SupervisedApps();
const env = tourEnv(apps, '.local/kafka-test');

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

describe('npm start supervises its apps', () => {
  it('restarts an app that crashed, after a logged backoff, and npm run app restarts one on request', async () => {
    const pidOf = () => Number(/product-consumer: running \(pid (\d+)\)/.exec(npmApp(apps, 'status'))?.[1]);
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
    expect(npmApp(apps, 'restart', 'product-consumer')).toMatch(
      /product-consumer stopped .*; product-consumer started/,
    );
    expect(pidOf()).not.toBe(before);
    await apps.healthy();
  });
});

for (const language of TOUR_LANGUAGES) {
  const dir = tourDir(language);
  describe(`the tour (${language})`, () => {
    const lessons = lessonsIn(dir);
    it('has ten or more lessons, each naming code that exists', () => {
      expect(lessons.length).toBeGreaterThanOrEqual(10);
      lessons.forEach(expectPlacesExist);
    });
    for (const lesson of lessons.filter((l) => !l.threeBrokers))
      lessonTest(lesson.file.slice(dir.length + 1), lesson, env, 90_000);
  });
}
