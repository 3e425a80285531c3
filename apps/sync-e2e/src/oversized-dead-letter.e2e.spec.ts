import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC } from '@nestjs-kafka-sync/contracts';
import { describe, expect, it } from 'vitest';
import { replicated } from './support/api.js';
import { eventually } from './support/eventually.js';
import * as poisoned from './support/oversized-poison.js';
import { useRunningSystem } from './support/stack.js';
import { limitTopicBytes } from './support/topic-config.js';

/** The dead-letter topic's limit in these tests: a poison record just under it cannot carry the dlq-* headers too. */
const DLT_LIMIT = 20_000;

describe('a dead letter too large for its topic is stored cut, with a pointer; one that cannot be stored stalls loudly', () => {
  useRunningSystem();

  it('a poison record near the size limit is dead-lettered truncated, pointing at the original; the partition moves on', async () => {
    const restore = await limitTopicBytes(DEAD_LETTER_TOPIC, DLT_LIMIT);
    try {
      const { dlqFrom, poison, at } = await poisoned.producePoison(0, DLT_LIMIT - 200);

      const letter = await poisoned.deadLetterOf(poison.key, dlqFrom);
      await replicated(await poisoned.produceValid(0), 1);

      expect(letter).toMatchObject({
        errorClass: 'unparseable',
        original: { topic: PRODUCT_EVENTS_TOPIC, partition: 0, offset: at.offset, key: poison.key },
        truncated: { originalValueBytes: poison.value.length, headersDropped: false },
      });
      const kept = letter.value?.toString() ?? '';
      expect(kept.length).toBeLessThan(poison.value.length);
      expect(poison.value.startsWith(kept)).toBe(true);
      console.log(
        `oversized dead letter: the ${poison.value.length}-byte poison at ${PRODUCT_EVENTS_TOPIC}/0@${at.offset} stored as ${kept.length} bytes under a ${DLT_LIMIT}-byte limit; a later event on the partition applied`,
      );
    } finally {
      await restore();
    }
  });

  it('a dead letter that cannot be stored even cut stalls its partition on /health and /sync/status until fixed', async () => {
    const restore = await limitTopicBytes(DEAD_LETTER_TOPIC, 200); // not even the pointer fits
    let restored = false;
    try {
      const { dlqFrom, poison, at } = await poisoned.producePoison(1, 1000);

      const stall = await eventually(async () => {
        const found = (await poisoned.stalledPartitions())?.find((s) => s.partition === 1);
        if (!found) throw new Error('no stall reported yet');
        return found;
      });
      const validId = await poisoned.produceValid(1);
      const health = await poisoned.consumerHealth();

      expect(stall).toMatchObject({
        step: 'dead-lettering',
        retriable: false,
        records: `${PRODUCT_EVENTS_TOPIC}/1@${at.offset}`,
      });
      expect(stall.reason).toMatch(/does not fit product\.events\.dlq/);
      expect(health.status).toBe(503);
      expect(JSON.stringify(health.body.error)).toMatch(/"partitions".*"step":"dead-lettering"/);
      expect(await poisoned.committedOffset(1)).toBe(at.offset); // held at the poison: nothing skipped

      await restore();
      restored = true;
      expect((await poisoned.deadLetterOf(poison.key, dlqFrom)).truncated).toBeNull();
      await replicated(validId, 1);
      await eventually(async () =>
        expect((await poisoned.stalledPartitions())?.some((s) => s.partition === 1)).toBe(false),
      );
      expect((await poisoned.consumerHealth()).status).toBe(200);
      console.log(`stall reported on /sync/status: ${JSON.stringify(stall)}; cleared once the limit was restored`);
    } finally {
      if (!restored) await restore();
    }
  });
});
