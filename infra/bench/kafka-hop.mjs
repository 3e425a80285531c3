// @ts-check
// `node infra/bench/kafka-hop.mjs [records, default 30]` (after a build; run it under the stack lock): issue 9,
// goal 3's floor. What one hop through Kafka costs on this machine, idle, before any of the apps' work: kafkajs
// as the apps use it (an idempotent producer sending with acks -1, a consumer group of its own) against the test
// broker (started here if it is not running, and stopped again). One record every 100 ms on a topic of its own,
// deleted after; medians and 90th percentiles of the send and of record timestamp → consumer.
import { setTimeout as sleep } from 'node:timers/promises';
import kafkajs from 'kafkajs';
import { stopKafka } from '../kafka.mjs';
import { percentile } from './pipeline/stats.mjs';

const records = Number(process.argv[2] ?? 30);
const { up } = await import('../up.mjs'); // once built: the topics come from libs/contracts
const { env, startedKafka } = await up('test');
const { kafkaSecurityFromEnv } = await import('@nestjs-kafka-sync/kafka-kit');
const kafka = new kafkajs.Kafka({
  clientId: 'kafka-hop',
  brokers: env.KAFKA_BROKERS.split(','),
  logLevel: kafkajs.logLevel.NOTHING,
  ...kafkaSecurityFromEnv({ ...process.env, ...env }),
});
const topic = `bench-kafka-hop-${Date.now()}`;
const admin = kafka.admin();
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
const consumer = kafka.consumer({ groupId: topic });
/** @type {number[]} */ const sends = [];
/** @type {number[]} */ const hops = [];
try {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) hops.push(Date.now() - Number(message.timestamp));
    },
  });
  await sleep(3000); // the group joined, its fetches waiting at the broker
  for (let i = 0; i < records; i++) {
    const started = Date.now();
    await producer.send({ topic, acks: -1, messages: [{ key: String(i), value: 'x' }] });
    sends.push(Date.now() - started);
    await sleep(100);
  }
  await sleep(500);
  console.log(`send (acks -1): p50 ${percentile(sends, 50)} ms, p90 ${percentile(sends, 90)} ms`);
  console.log(`record timestamp → consumer: p50 ${percentile(hops, 50)} ms, p90 ${percentile(hops, 90)} ms`);
  console.log(`(${hops.length} of ${records} records consumed)`);
} finally {
  await Promise.allSettled([consumer.disconnect(), producer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  if (startedKafka) await stopKafka('test');
}
