// @ts-check
// The benchmark's pure decisions (no stack needed): `npx nx test infra`.
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { cpuPerUnit } from './cpu.mjs';
import { parseOptions } from './options.mjs';
import { markdownTable, missingFigures } from './report.mjs';
import { aloneRows } from './rows.mjs';
import { percentile, ratioPercent, round } from './stats.mjs';

test('percentiles are nearest-rank: every figure is a latency that happened', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100, unsorted
  assert.equal(percentile(samples, 50), 50);
  assert.equal(percentile(samples, 99), 99);
  assert.equal(percentile([7], 99), 7);
  assert.equal(percentile([], 50), null);
});

test('a ratio needs both figures and a positive baseline', () => {
  assert.equal(ratioPercent(73, 1578), 4.6);
  assert.equal(ratioPercent(null, 1578), null);
  assert.equal(ratioPercent(73, 0), null);
  assert.equal(round(Number.NaN), null);
});

test('a row whose figure is null or NaN is reported missing; an empty figure set is not', () => {
  const row = (/** @type {Record<string, number | null>} */ figures) => ({
    goal: 'g',
    system: 's',
    baseline: 'b',
    ratioPercent: null,
    target: '—',
    met: null,
    figures,
  });
  assert.deepEqual(missingFigures([row({ 'req/s': 10, p99: null }), row({ p50: Number.NaN }), row({})]), [
    'g: p99',
    'g: p50',
  ]);
  assert.match(markdownTable([row({})]), /^\| goal \| system \| baseline \| ratio \| target \| met\? \|/);
});

test('CPU per unit of work per app, none without both readings', () => {
  assert.deepEqual(cpuPerUnit({ api: 100, consumer: 50 }, { api: 700, consumer: 350 }, 100), { api: 6, consumer: 3 });
  assert.equal(cpuPerUnit(null, { api: 1 }, 10), null);
  assert.equal(cpuPerUnit({ api: 1 }, { api: 2 }, 0), null);
});

test('quick mode shortens every duration; flags override; nonsense is refused', () => {
  assert.deepEqual(parseOptions(['--quick']), {
    quick: true,
    useRunning: false,
    build: true,
    profile: false,
    seconds: 3,
    warmupSeconds: 1,
    connections: 32,
    catchUpTimeoutSeconds: 45,
    outDir: '.local/bench/results',
  });
  const full = parseOptions(['--duration', '20', '--warmup', '0', '--use-running', '--no-build']);
  assert.ok(full !== 'help');
  assert.equal(full.seconds, 20);
  assert.equal(full.warmupSeconds, 0);
  assert.equal(full.outDir, 'bench/results');
  assert.equal(full.useRunning && !full.build, true);
  assert.throws(() => parseOptions(['--duration', '0']), /--duration/);
  assert.equal(parseOptions(['--help']), 'help');
  const profiled = parseOptions(['--profile']);
  assert.ok(profiled !== 'help' && profiled.profile);
});

test('the stages on their own: none on a running stack, else each beside its baseline', () => {
  const baseline = { perSecond: 2000, p50Ms: 10, p99Ms: 25, errors: 0 };
  assert.deepEqual(aloneRows(32, /** @type {any} */ (baseline), 60_000, null), []);
  const alone = {
    api: { perSecond: 1100, p50Ms: 30, p99Ms: 70, non2xx: 0, errors: 0, status5xx: 0 },
    relay: { events: 9000, seconds: 1, eventsPerSecond: 9000 },
    consumer: { events: 9000, seconds: 0.5, eventsPerSecond: 18_000 },
    cpuMsPerCreate: { machine: 2, apiService: 1.1, postgres: 0.5, loadGenerator: 0.2 },
  };
  const [post, relay, consumer, cpu] = aloneRows(
    32,
    /** @type {any} */ (baseline),
    60_000,
    /** @type {any} */ (alone),
    0.5,
  );
  assert.equal(post.ratioPercent, 55);
  assert.equal(post.met, true);
  assert.equal(relay.met, null);
  assert.equal(consumer.ratioPercent, 30);
  assert.equal(consumer.met, true);
  assert.equal(cpu.system, '2 ms (of it api-service 1.1 ms, PostgreSQL 0.5 ms, the load generator 0.2 ms)');
  assert.equal(cpu.ratioPercent, 25); // the baseline's 0.5 ms per transaction against 2 ms per create
  const stuck = { ...alone, consumer: { events: 9000, seconds: null, eventsPerSecond: null } };
  assert.deepEqual(missingFigures(aloneRows(32, /** @type {any} */ (baseline), 60_000, /** @type {any} */ (stuck))), [
    'catch-up of a stopped product-consumer from a full topic (that backlog): events/s',
  ]);
});
