import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, resetDatabases } from '../support/databases.js';
import { SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { skipToEndOfTopic, SYNC_ACKS_GROUP_ID } from '../support/kafka.js';
import { SupervisedApps } from '../support/supervised-apps.js';
import { lessonTest, TOUR_LANGUAGES, tourDir, tourEnv } from '../support/tour-doc-test.js';
import { lessonsIn } from '../support/tour-lessons.js';
import { requireLocalCluster } from './cluster.js';

// The tour's three-broker lesson, in both languages, against this suite's cluster: the learner's commands
// (describe the replicas, write while `npm run kafka -- stop-node 2`, start it again, reconcile) run as written,
// with the apps under npm start's own supervisor pointed at the three brokers as the lesson's `npm start` line is.
requireLocalCluster();
const apps = new SupervisedApps();
const env = tourEnv(apps, '.local/kafka-cluster');

beforeAll(async () => {
  await resetDatabases();
  await skipToEndOfTopic();
  // The failover suite's acks too: the lesson waits for its own products' acks, not thousands before them.
  await skipToEndOfTopic(SYNC_ACKS_TOPIC, SYNC_ACKS_GROUP_ID);
  await apps.start();
});
afterAll(async () => {
  await apps.stop();
  await closeDatabases();
});

for (const language of TOUR_LANGUAGES) {
  const dir = tourDir(language);
  describe(`the tour on three brokers (${language})`, () => {
    const lessons = lessonsIn(dir).filter((lesson) => lesson.threeBrokers);
    it('has the three-broker lesson', () => expect(lessons).toHaveLength(1));
    for (const lesson of lessons) lessonTest(lesson.file.slice(dir.length + 1), lesson, env, 180_000);
  });
}
