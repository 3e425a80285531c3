// @ts-check
// `node infra/bench/rebuild-topic.mjs [--products 10000] [--versions 3] [--runs 2] [--script dist/…js]…`
// (issue 9, goal 4, on its own): fills the TEST profile's product.events with products × versions synthetic,
// contract-valid events (v1 created, then updates), times `rebuild-catalog` over it `--runs` times per
// `--script` (default: apps/product-consumer/dist/cli/rebuild-catalog.js; give two to compare builds side by
// side, alternating), then the raw baseline: the same events' newest states upserted 1,000 per
// `INSERT … SELECT FROM unnest(…) ON CONFLICT … WHERE version <` into a scratch copy of catalog_products.
// Then two floors under any rebuild through kafkajs, timed as the rebuild times itself (group join included, 3
// partitions at once): reading the topic and nothing else, then reading it and decoding each event against the
// contract (JSON and zod), as every replay must before its first statement.
// `--profile`: then once more the first script under `node --cpu-prof`, and where its replay's time went, per
// event, by stage (the contract's decoding, kafkajs' fetching and producing, pg, garbage collection, waiting…).
// A `--script` may be preceded, in the same argument, by NAME=value settings and node flags, e.g.
// `--script "CONSUMER_BATCH_MAX_RECORDS=2000 --cpu-prof apps/product-consumer/dist/cli/rebuild-catalog.js"`.
// EMPTIES the test topic and catalog; needs `npm run build`. Run it under the stack lock on a shared machine:
//   flock /tmp/nks-stack.lock node infra/bench/rebuild-topic.mjs
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs, promisify } from 'node:util';
import {
  decodeProductEventMessage,
  PRODUCT_EVENTS_TOPIC,
  SYNC_ACKS_TOPIC,
  toProductEventMessage,
} from '@nestjs-kafka-sync/contracts';
import { readTopicBatchesUpTo, setGroupOffsets } from '@nestjs-kafka-sync/kafka-kit';
import { productEvent } from '@nestjs-kafka-sync/contracts/testing';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { stopKafka } from '../kafka.mjs';
import { log, repoRoot } from '../run.mjs';
import { ensureTopics } from '../topics.mjs';
import { readProfile, stageTimes } from './pipeline/cpu-profile.mjs';
import { upsertUnnest } from './pipeline/rebuild.mjs';
import { up } from '../up.mjs';

const { values } = parseArgs({
  options: {
    products: { type: 'string', default: '10000' },
    versions: { type: 'string', default: '3' },
    runs: { type: 'string', default: '2' },
    script: { type: 'string', multiple: true, default: ['apps/product-consumer/dist/cli/rebuild-catalog.js'] },
    profile: { type: 'boolean', default: false },
  },
});
/** What a replay's main thread did per event, by stage, from one more run of `script` under the CPU profiler. */
const REPLAY_STAGES = /** @type {[string, string[]][]} */ ([
  ['the contract: JSON and zod', ['decodeProductEventMessage']],
  ['deciding the batch, coalescing acks', ['batch-decision', 'coalesce-acks', 'sync-acks.js']],
  ['socket reads and writes', ['node:net', 'stream_base_commons']],
  ['pg: parameters, protocol, rows', ['/node_modules/pg/', 'pg-protocol', 'pg-types', 'sql-pool']],
  ['kafkajs producing the acks', ['requests/produce', 'kafkajs/src/producer', 'sync-ack']],
  ['kafkajs fetching, decoding records', ['requests/fetch', 'v0/decoder', 'kafkajs/src/consumer']],
]);

const [products, versions, runs] = [values.products, values.versions, values.runs].map(Number);
const { env, startedKafka } = await up('test');
const kafka = new Kafka({ clientId: 'rebuild-bench', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.WARN });
const catalog = new pg.Pool({ connectionString: env.CATALOG_DATABASE_URL, max: 2 });
try {
  const events = await refill(products, versions);
  log(`bench: ${events.length} events (${products} products × ${versions} versions) on ${PRODUCT_EVENTS_TOPIC}`);
  const rates = Object.fromEntries(values.script.map((s) => [s, /** @type {number[]} */ ([])]));
  for (let run = 0; run < runs; run++)
    for (const script of values.script) {
      const started = Date.now();
      const stdout = await rebuild(script);
      const rate = Number(stdout.match(/rate: ([\d.]+) events\/s/)?.[1]);
      rates[script].push(rate);
      const wall = `${((Date.now() - started) / 1000).toFixed(1)} s from start to exit`;
      const busy = stdout.match(/main thread: .*/)?.[0];
      log(`bench: ${script}: ${stdout.match(/replayed .*/)?.[0]}; ${rate} events/s; ${wall}; ${busy}`);
    }
  if (values.profile) await profileStages(values.script[0]);
  for (const decode of [false, true]) {
    const floor = await readFloor(decode);
    rates[decode ? 'floor: kafkajs reading the topic, each event decoded' : 'floor: kafkajs reading the topic'] = [
      floor,
    ];
  }
  const baseline = await upsertBaseline(events.map((e) => e.product));
  log(`bench: batched UNNEST upsert baseline: ${baseline} rows/s (the same ${events.length} events' products)`);
  for (const [script, r] of Object.entries(rates))
    log(
      `bench: ${script}: ${r.join(', ')} events/s = ${r.map((x) => `${Math.round((1000 * x) / baseline) / 10} %`).join(', ')} of the baseline`,
    );
} finally {
  await catalog.end();
  await skipReplayAcks().catch((/** @type {Error} */ e) => log(`bench: clean-up: ${e.message}`));
  if (startedKafka) await stopKafka('test');
}

/**
 * Runs a `--script` (its NAME=value settings and node flags, then the script) to its end; returns what it printed.
 * @param {string} script @param {string[]} [moreFlags]
 */
async function rebuild(script, moreFlags = []) {
  const words = script.split(' ');
  const settings = Object.fromEntries(words.filter((w) => /^[A-Z_]+=/.test(w)).map((w) => w.split('=')));
  const flags = [...words.filter((w) => w.startsWith('--')), ...moreFlags];
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, `${repoRoot}${words.at(-1)}`], {
    cwd: `${repoRoot}.local`,
    env: { ...process.env, ...env, ...settings },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** @param {string} script */
async function profileStages(script) {
  const dir = mkdtempSync(`${tmpdir()}/rebuild-profile-`);
  try {
    const stdout = await rebuild(script, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const events = Number(stdout.match(/replayed (\d+) events/)?.[1]);
    const profile = readProfile(`${dir}/${readdirSync(dir)[0]}`);
    // From CatalogRebuildService.replay's first batch to its last: not the start-up, the group's join nor the hand-over.
    const stages = stageTimes(profile, 'replay file:', REPLAY_STAGES);
    const window = stages.reduce((sum, { micros }) => sum + micros, 0);
    log(`bench: profiled: ${stdout.match(/rate: .*/)?.[0]}; the replay's ${Math.round(window / 1000)} ms, per event:`);
    for (const { stage, micros } of stages)
      log(
        `bench:   ${(micros / events).toFixed(1).padStart(5)} µs  ${Math.round((100 * micros) / window)} %  ${stage}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The rebuilds acknowledged every replayed event: move api-service's ack group past them, or the test stack's
 * next api-service would first record acks for products that do not exist, one at a time, for minutes.
 */
async function skipReplayAcks() {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groupId = process.env.SYNC_ACKS_GROUP_ID ?? 'api-service-sync-acks';
    // The end offsets themselves: resetOffsets({ earliest: false }) stores kafkajs' "latest" sentinel (-1), which
    // the next api-service, subscribed fromBeginning, read as no offset at all and replayed every ack ever sent.
    const ends = await admin.fetchTopicOffsets(SYNC_ACKS_TOPIC);
    await setGroupOffsets(kafka, {
      groupId,
      topic: SYNC_ACKS_TOPIC,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Events/s of reading the whole topic through kafkajs (readTopicBatchesUpTo, as the rebuild reads it) in a group of
 * its own, doing nothing else with the records, or (`decode`) decoding each against the contract.
 * @param {boolean} decode
 */
async function readFloor(decode) {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(PRODUCT_EVENTS_TOPIC);
  await admin.disconnect();
  let events = 0;
  let invalid = 0;
  const started = process.hrtime.bigint();
  const options = { topic: PRODUCT_EVENTS_TOPIC, groupId: `rebuild-bench-floor-${randomUUID()}`, ends };
  await readTopicBatchesUpTo(kafka, { ...options, partitionsConcurrently: 3 }, async (_partition, messages) => {
    events += messages.length;
    if (decode) for (const message of messages) if (!decodeProductEventMessage(message.value).ok) invalid += 1;
  });
  const rate = Math.round(events / (Number(process.hrtime.bigint() - started) / 1e9));
  log(`bench: ${events} events read${decode ? `, decoded (${invalid} invalid)` : ''}: ${rate} events/s`);
  return rate;
}

/** Recreates the topic (its partitions as infra/topics.mjs makes them) and writes the events, keyed by product. */
async function refill(/** @type {number} */ count, /** @type {number} */ each) {
  const admin = kafka.admin();
  await admin.connect();
  if ((await admin.listTopics()).includes(PRODUCT_EVENTS_TOPIC))
    await admin.deleteTopics({ topics: [PRODUCT_EVENTS_TOPIC] });
  for (let tries = 0; ; tries++) {
    try {
      await ensureTopics(env.KAFKA_BROKERS); // fails until the deletion has completed in the background
      break;
    } catch (error) {
      if (tries > 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await admin.disconnect();
  const events = [];
  for (let p = 0; p < count; p++) {
    const productId = randomUUID();
    for (let v = 1; v <= each; v++)
      events.push(productEvent({ productId, version: v, product: { sku: `RB-${p}`, name: `Product ${p} v${v}` } }));
  }
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  for (let i = 0; i < events.length; i += 1000)
    await producer.send({
      topic: PRODUCT_EVENTS_TOPIC,
      acks: -1,
      messages: events.slice(i, i + 1000).map((event) => toProductEventMessage(event)),
    });
  await producer.disconnect();
  return events;
}

/** Rows/s of the raw batched upsert of the events' states into a scratch copy of catalog_products (2 passes). */
async function upsertBaseline(/** @type {import('@nestjs-kafka-sync/contracts').ProductState[]} */ states) {
  await catalog.query('CREATE TABLE IF NOT EXISTS bench_rebuild_products (LIKE catalog_products INCLUDING ALL)');
  let seconds = 0;
  for (let pass = 0; pass < 2; pass++) {
    await catalog.query('TRUNCATE bench_rebuild_products');
    const started = process.hrtime.bigint();
    for (let i = 0; i < states.length; i += 1000) {
      const batch = states.slice(i, i + 1000);
      await upsertUnnest(catalog, 'bench_rebuild_products', batch);
    }
    seconds += Number(process.hrtime.bigint() - started) / 1e9;
  }
  await catalog.query('DROP TABLE bench_rebuild_products');
  return Math.round((2 * states.length) / seconds);
}
