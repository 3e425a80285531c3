import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { testKeys } from './api.js';
import { e2eEnv } from './env.js';
import type { Lesson } from './tour-lessons.js';
import { runLesson } from './tour-runner.js';
import type { SupervisedApps } from './supervised-apps.js';

/**
 * The doc test's shared half: what a lesson's variables and npm scripts are pointed at, and the one test a lesson
 * becomes. `tour.e2e.spec.ts` runs the single-broker lessons, `cluster/tour.cluster.spec.ts` the three-broker one.
 */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const tourDir = (language: string) => `${repoRoot}docs/tour${language === 'en' ? '' : `/${language}`}`;
export const TOUR_LANGUAGES = ['en', 'pt-BR'];

/** What each lesson's `API=…` lines become. */
export const tourValues = {
  API: e2eEnv.apiUrl,
  REPLICA: e2eEnv.consumerUrl,
  GROUP: e2eEnv.consumerGroupId,
  API_DB: e2eEnv.apiDatabaseUrl,
  CATALOG_DB: e2eEnv.catalogDatabaseUrl,
  API_KEY: testKeys.learner, // both scopes, like npm start's development key
};

/** What the npm scripts a lesson runs are given: `npm run app` reaches the supervised apps. */
export function tourEnv(apps: SupervisedApps, kafkaHomeDir: string): Record<string, string> {
  const [kafkaHost, kafkaPort] = e2eEnv.kafkaBrokers[0].split(':');
  return {
    NKS_CONTROL_SOCKET: apps.controlSocket,
    NO_COLOR: '1',
    KAFKA_HOST: kafkaHost,
    KAFKA_PORT: kafkaPort,
    KAFKA_HOME_DIR: `${repoRoot}${kafkaHomeDir}`,
  };
}

/** `npm run app -- …` against the supervised apps. */
export function npmApp(apps: SupervisedApps, ...args: string[]): string {
  return execFileSync('node', ['infra/app.mjs', ...args], {
    cwd: repoRoot,
    env: { ...process.env, NKS_CONTROL_SOCKET: apps.controlSocket, NO_COLOR: '1' },
    encoding: 'utf8',
  });
}

/** Every `file`: `function` a lesson names exists. */
export function expectPlacesExist(lesson: Lesson): void {
  const text = readFileSync(lesson.file, 'utf8');
  const places = [...text.matchAll(/`((?:apps|libs|infra)\/[^`]+)`: `([\w.]+)(?:\(\))?`/g)];
  expect(places.length, `${lesson.file} names no file: function`).toBeGreaterThan(0);
  for (const [, file, name] of places) {
    expect(existsSync(`${repoRoot}${file}`), `${lesson.file}: ${file} does not exist`).toBe(true);
    const identifier = name.split('.').pop() ?? name;
    expect(readFileSync(`${repoRoot}${file}`, 'utf8'), `${lesson.file}: no ${name} in ${file}`).toContain(identifier);
  }
}

/** One lesson, one test: its blocks run in order, each shows what the lesson says the learner will see. */
export function lessonTest(name: string, lesson: Lesson, env: Record<string, string>, timeoutMs: number): void {
  it(`${name}: every command runs and shows what the lesson says`, { timeout: timeoutMs + 10_000 }, async () => {
    expect(lesson.blocks.length, `${name} has no runnable block`).toBeGreaterThan(0);
    const run = await runLesson(lesson, tourValues, env, timeoutMs);
    const failed = run.outputs.length - 1;
    expect(run.exitCode, `${name}: block ${failed + 1} failed:\n${run.outputs[failed]}`).toBe(0);
    lesson.blocks.forEach((block, i) => {
      for (const pattern of block.expects)
        expect(run.outputs[i], `${name}, block ${i + 1} should show ${pattern}`).toMatch(pattern);
    });
  });
}
