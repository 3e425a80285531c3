import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How a tour lesson marks what the doc test runs: a fence with the info string `sh tour` is run (blocks of
 * one lesson in order, in one shell, so variables carry over); each `<!-- expect: /regex/flags -->` right
 * after it is a pattern the block's output must match; `<!-- tour: three brokers -->` anywhere says the lesson needs
 * the three-broker cluster, so the cluster suite runs it rather than the single-broker one. Lines setting a known
 * variable (`API=…`) are pointed at the test stack.
 */
export interface TourBlock {
  code: string;
  expects: RegExp[];
}
export interface Lesson {
  file: string;
  threeBrokers: boolean;
  blocks: TourBlock[];
}

const BLOCK = /```sh tour\n([\s\S]*?)```((?:\s*<!-- expect: .*? -->)*)/g;
const EXPECT = /<!-- expect: \/(.*?)\/([a-z]*) -->/g;
const THREE_BROKERS = /<!-- tour: three brokers -->/;

export function parseLesson(file: string, text: string): Lesson {
  const blocks = [...text.matchAll(BLOCK)].map(([, code, expects]) => ({
    code,
    expects: [...expects.matchAll(EXPECT)].map(([, source, flags]) => new RegExp(source, flags)),
  }));
  return { file, threeBrokers: THREE_BROKERS.test(text), blocks };
}

/** The lessons of one language folder, in their numbered order (the index excluded). */
export function lessonsIn(dir: string): Lesson[] {
  return readdirSync(dir)
    .filter((name) => /^\d\d-.*\.md$/.test(name))
    .sort()
    .map((name) => parseLesson(join(dir, name), readFileSync(join(dir, name), 'utf8')));
}

/** Replaces each line that sets one of `values`' variables (`NAME=…`) with the given value, shell-quoted. */
export function pointVariables(code: string, values: Record<string, string>): string {
  return code.replace(/^([A-Z_]+)=.*$/gm, (line, name: string) =>
    name in values ? `${name}='${values[name].replaceAll("'", `'\\''`)}'` : line,
  );
}

/** Splits a run's output at the markers the runner printed after each block. */
export const BLOCK_END = '@@tour-block-end@@';
export function outputsPerBlock(output: string): string[] {
  return output.split(`${BLOCK_END}\n`);
}
