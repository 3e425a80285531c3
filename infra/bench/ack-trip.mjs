// @ts-check
// `node infra/bench/ack-trip.mjs [creates, default 40]` (after a build; EMPTIES the test profile as `npm run bench`
// does; run it under the stack lock): issue 9, goal 3. Where an idle `Prefer: wait-for-sync` create's time goes,
// from the apps' own log lines, joined by the change's trace id: api-service receives the request (its "request
// completed" line less `responseTime`) → product-consumer has applied it ("applied …") → api-service has recorded
// its ack ("ack …") → api-service has answered. One create every 250 ms; medians and 90th percentiles. The
// records' own timestamps (set by the sending kafkajs producer, joined by their traceparent) split two hops further:
// the relay's send of the event, and product-consumer's send of the ack.
import { readFileSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from '../run.mjs';
import { WRITER_AUTH } from './pipeline/auth.mjs';
import { createBody, runTag } from './pipeline/products.mjs';
import { openStack } from './pipeline/stack.mjs';
import { percentile } from './pipeline/stats.mjs';

const creates = Number(process.argv[2] ?? 40);
const stack = await openStack({ useRunning: false, build: false, profile: false });
const tag = runTag();
/** @type {Map<string, Record<string, number>>} per trace id, when its event and its ack were sent */
let sentAt = new Map();

/**
 * The send time of every record of product.events and product.sync-acks, by the trace id of its traceparent.
 * @param {Record<string, string>} env
 */
async function sendTimes(env) {
  const { kafkaSecurityFromEnv, readTopicUpTo } = await import('@nestjs-kafka-sync/kafka-kit');
  const kafka = new kafkajs.Kafka({
    clientId: 'ack-trip',
    brokers: env.KAFKA_BROKERS.split(','),
    logLevel: kafkajs.logLevel.NOTHING,
    ...kafkaSecurityFromEnv({ ...process.env, ...env }),
  });
  const admin = kafka.admin();
  await admin.connect();
  /** @type {Map<string, Record<string, number>>} */
  const times = new Map();
  try {
    for (const [topic, hop] of [
      ['product.events', 'eventSent'],
      ['product.sync-acks', 'ackSent'],
    ]) {
      const ends = await admin.fetchTopicOffsets(topic);
      await readTopicUpTo(kafka, { topic, groupId: `ack-trip-${tag}-${hop}`, ends }, async (_partition, message) => {
        const trace = /^00-([0-9a-f]{32})-/.exec(String(message.headers?.traceparent ?? ''))?.[1];
        if (trace) times.set(trace, { ...times.get(trace), [hop]: Number(message.timestamp) });
      });
    }
  } finally {
    await admin.disconnect();
  }
  return times;
}
try {
  for (let i = 0; i < creates; i++) {
    const response = await fetch(`${stack.apiUrl}/products`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'wait-for-sync=5000', ...WRITER_AUTH },
      body: JSON.stringify(createBody(`AT-${tag}-${i}`)),
    });
    if (response.status !== 201) throw new Error(`create answered ${response.status}`);
    await sleep(250);
  }
  await sleep(500); // the last ack's log line
  sentAt = await sendTimes(stack.env);
} finally {
  await stack.stop();
}

/** @type {Map<string, Record<string, number>>} the hops' times per trace id */
const traces = new Map();
for (const app of ['api-service', 'product-consumer'])
  for (const line of readFileSync(`${repoRoot}.local/bench/${app}.log`, 'utf8').split('\n')) {
    if (!line.startsWith('{')) continue;
    const { trace_id: trace, time, msg, req, responseTime } = JSON.parse(line);
    if (!trace) continue;
    const at = Date.parse(time);
    const hops = traces.get(trace) ?? { ...sentAt.get(trace) };
    traces.set(trace, hops);
    if (msg === 'request completed' && req?.method === 'POST')
      Object.assign(hops, { received: at - responseTime, answered: at });
    else if (app === 'product-consumer' && msg.startsWith('applied ')) hops.applied = at;
    else if (app === 'api-service' && msg.startsWith('ack ')) hops.acked = at;
  }
const HOPS = ['received', 'eventSent', 'applied', 'ackSent', 'acked', 'answered'];
const complete = [...traces.values()].filter((h) => HOPS.every((k) => k in h));
console.log(`${complete.length} of ${creates} creates traced through every hop`);
for (const [from, to, what] of [
  ['received', 'applied', 'request → applied in product_catalog (the write, the relay, the consumer)'],
  ['received', 'eventSent', '  request → the relay sends its event (the write, NOTIFY, the relay reads its outbox)'],
  ['eventSent', 'applied', '  event sent → applied (the broker, the fetch, the apply)'],
  ['applied', 'acked', 'applied → ack recorded in api-service (the ack send, the fetch, the upsert)'],
  ['applied', 'ackSent', '  applied → ack sent (product-consumer, after its log line)'],
  ['ackSent', 'acked', '  ack sent → recorded (the broker, the fetch, the upsert)'],
  ['acked', 'answered', 'ack recorded → answered (NOTIFY, the wake-up read, the response)'],
  ['received', 'answered', 'request → answered'],
]) {
  const ms = complete.map((h) => h[to] - h[from]);
  console.log(`${what}: p50 ${percentile(ms, 50)} ms, p90 ${percentile(ms, 90)} ms`);
}
