// @ts-check
// `npm run tail`: follows product.events (or --topic) one readable, coloured line per record, in a consumer
// group of its own — a fan-out in itself: it sees every event while product-consumer's group sees them too.
//   --from-beginning   a new group starts at the oldest record (default: only records from now on)
//   --group <name>     a named group: its committed offsets remain, so a second run resumes where this one stopped
//   --max <n>          stop after n records        --timeout <s>   stop after s seconds
//   --key <id>         only records with that key (one product); repeat it for several
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { formatRecord } from './tail-format.mjs';

const { values: opts } = parseArgs({
  options: {
    topic: { type: 'string', default: 'product.events' },
    group: { type: 'string' },
    'from-beginning': { type: 'boolean', default: false },
    max: { type: 'string' },
    timeout: { type: 'string' },
    key: { type: 'string', multiple: true },
  },
});
const max = opts.max === undefined ? Infinity : Number(opts.max);
const groupId = opts.group ?? `tail-${hostname()}-${process.pid}`;
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');

const kafka = new Kafka({ clientId: 'npm-run-tail', brokers, logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId });
let shown = 0;
let done = false;

async function finish() {
  if (done) return;
  done = true;
  await consumer.disconnect();
  process.exit(0);
}
process.on('SIGINT', () => void finish());
process.on('SIGTERM', () => void finish());
if (opts.timeout) setTimeout(() => void finish(), Number(opts.timeout) * 1000);

await consumer.connect();
await consumer.subscribe({ topic: opts.topic, fromBeginning: opts['from-beginning'] });
console.error(
  `tail: ${opts.topic} as consumer group ${groupId}${opts['from-beginning'] ? ', from the beginning' : ''}`,
);
await consumer.run({
  autoCommit: false, // committed one by one below, so --max leaves the group exactly after what it showed
  eachMessage: async ({ topic, partition, message }) => {
    if (shown >= max) return;
    const key = message.key?.toString() ?? null;
    if (!opts.key || (key !== null && opts.key.includes(key))) {
      /** @type {Record<string, string>} */
      const headers = {};
      for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
      const value = message.value?.toString() ?? null;
      console.log(formatRecord({ topic, partition, offset: message.offset, key, value, headers }, { color }));
      shown++;
    }
    await consumer.commitOffsets([{ topic, partition, offset: String(BigInt(message.offset) + 1n) }]);
    if (shown >= max) void finish();
  },
});
