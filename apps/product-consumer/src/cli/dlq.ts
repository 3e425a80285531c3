// `npm run dlq -- <list|count|replay> [options]`: what is in product.events.dlq, and replaying it.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DEAD_LETTER_ERROR_CLASSES, DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { AppConfigModule, AppKafkaModule } from '../config/app-config.module.js';
import { deadLetterId, DeadLetterTool, type DeadLetterSelection } from '../dead-letters/dead-letter-tool.js';

const USAGE = `usage: npm run dlq -- <command> [options]
  list   [--class C] [--key K] [--ids 0@3,0@7] [--full]   dead letters, oldest first, with their reasons
  count                                                  totals per error class
  replay (--all | --class C | --key K | --ids 0@3,0@7)   put them back on ${PRODUCT_EVENTS_TOPIC} (after a fix)
  --class, --key (a product id) and --ids combine: all must match
error classes: ${DEAD_LETTER_ERROR_CLASSES.join(', ')}`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    class: { type: 'string' },
    key: { type: 'string' },
    ids: { type: 'string' },
    all: { type: 'boolean' },
    full: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
const [command] = positionals;
if (values.help || !command || !['list', 'count', 'replay'].includes(command)) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const selection: DeadLetterSelection = {
  errorClass: values.class,
  key: values.key,
  ids: values.ids?.split(',').map((id) => id.trim()),
};
if (command === 'replay' && !values.all && !selection.errorClass && !selection.key && !selection.ids) {
  console.error('replay needs --all, --class, --key or --ids: replaying is deliberate');
  process.exit(2);
}

@Module({ imports: [AppConfigModule, AppKafkaModule], providers: [DeadLetterTool] })
class DeadLetterCommandModule {}

const app = await NestFactory.createApplicationContext(DeadLetterCommandModule, { logger: ['error', 'warn'] });
const tool = app.get(DeadLetterTool);
try {
  if (command === 'list') {
    const letters = await tool.list(selection);
    for (const letter of letters) {
      const reason = values.full || letter.reason.length <= 160 ? letter.reason : `${letter.reason.slice(0, 159)}…`;
      const value = letter.value === null ? '(null)' : letter.value.toString();
      console.log(
        `${deadLetterId(letter)}  ${letter.failedAt}  ${letter.errorClass}  from ${letter.original.topic}/${letter.original.partition}@${letter.original.offset}  key ${letter.original.key ?? '(none)'}`,
      );
      console.log(`    reason: ${reason}`);
      if (letter.truncated)
        console.log(
          `    TRUNCATED: value cut to ${letter.value?.length ?? 0} of ${letter.truncated.originalValueBytes} bytes${letter.truncated.headersDropped ? ', original headers left out' : ''}; the full record is ${letter.original.topic}/${letter.original.partition}@${letter.original.offset} (while retention and compaction keep it)`,
        );
      if (values.full) console.log(`    value:  ${value}`);
    }
    console.log(`${letters.length} dead letter(s) in ${DEAD_LETTER_TOPIC}`);
  } else if (command === 'count') {
    const counts = await tool.counts();
    console.log(`${counts.total} dead letter(s) in ${DEAD_LETTER_TOPIC}`);
    for (const [errorClass, count] of Object.entries(counts.byErrorClass).sort())
      console.log(`  ${errorClass}: ${count}`);
  } else {
    const report = await tool.replay(selection);
    for (const letter of report.replayed)
      console.log(`replayed ${deadLetterId(letter)} (key ${letter.original.key}) to ${PRODUCT_EVENTS_TOPIC}`);
    for (const letter of report.keyless)
      console.log(
        `not replayed ${deadLetterId(letter)}: it has no key, and ${PRODUCT_EVENTS_TOPIC} is compacted (keys required)`,
      );
    for (const letter of report.truncated)
      console.log(
        `not replayed ${deadLetterId(letter)}: it was stored truncated; the full record is ${letter.original.topic}/${letter.original.partition}@${letter.original.offset}`,
      );
    console.log(
      `${report.replayed.length} replayed, ${report.keyless.length + report.truncated.length} not replayable; the consumer applies them, ignores stale ones, and dead-letters again what still fails`,
    );
  }
} finally {
  await app.close();
}
