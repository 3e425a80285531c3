import { DEAD_LETTER_TOPIC } from '@nestjs-kafka-sync/contracts';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, catalogProduct, type Product } from './support/api.js';
import { screenshot } from './support/browser.js';
import { eventually } from './support/eventually.js';
import { deadLettersSince, liveGroupLag, topicEnds } from './support/kafka.js';
import { drainedAndEqual } from './support/pipeline.js';
import { usePipelineViewPage } from './support/pipeline-view.js';
import { useRunningSystem } from './support/stack.js';

// The pipeline view in a real browser (headless Chromium) against the running system: what a
// learner sees after `npm start`. Each step checks the page and, independently, Kafka or the databases.
useRunningSystem();
const view = usePipelineViewPage();

/** The side-by-side row of a product, once it shows `status`. */
async function rowWithStatus(page: Page, id: string, status: string) {
  const row = page.locator(`#products tr[data-product-id="${id}"][data-status="${status}"]`);
  await row.waitFor({ timeout: 30_000 });
  return row;
}

/** The text of each cell of a row: sku·id, source name/price/stock/v, replica name/price/stock/v, acked, status. */
async function cells(page: Page, id: string): Promise<string[]> {
  return page.locator(`#products tr[data-product-id="${id}"] td`).allTextContents();
}

async function totalLag(page: Page): Promise<number> {
  return Number(await page.getByTestId('total-lag').textContent());
}

describe('pipeline view', () => {
  let product: Product;

  it('shows a product created through the REST API in both columns, and what the page itself creates', async () => {
    const page = view.page();
    product = await api.create({ sku: `VIEW-${randomUUID().slice(0, 8)}`, name: 'Enamel mug', price: 12.5, stock: 10 });
    await rowWithStatus(page, product.id, 'in-sync');
    const [sku, sourceName, sourcePrice, sourceStock, sourceVersion, replicaName, , , replicaVersion] = await cells(
      page,
      product.id,
    );
    expect(sku).toContain(product.sku);
    expect([sourceName, sourcePrice, sourceStock, sourceVersion]).toEqual(['Enamel mug', '12.50', '10', '1']);
    expect([replicaName, replicaVersion]).toEqual(['Enamel mug', '1']);
    // The live feed saw its event (in the view's own group) and product-consumer's ack.
    await page.locator(`#events li[data-product-id="${product.id}"]`).waitFor({ timeout: 15_000 });
    await page.locator(`#acks li.ack-applied[data-product-id="${product.id}"]`).waitFor({ timeout: 15_000 });

    // The page's own Create control goes through api-service too.
    await page.locator('#create-form input[name=name]').fill('Browser-made lamp');
    await page.getByTestId('create').click();
    await page
      .getByTestId('action-result')
      .filter({ hasText: /products: done/ })
      .waitFor({ timeout: 15_000 });
    const made = page.locator('#products tr[data-status="in-sync"]', { hasText: 'Browser-made lamp' });
    await made.first().waitFor({ timeout: 30_000 });
    await screenshot(page, '1-created-in-both-columns');
  });

  it('pauses the consumer: writes go on, the lag rises and the replica column goes stale', async () => {
    const page = view.page();
    await page.getByTestId('pause').click();
    await page.getByTestId('consumer-state').filter({ hasText: 'paused' }).waitFor({ timeout: 15_000 });

    const updated = await api.patch(product.id, { stock: 7 });
    expect(updated.version).toBe(2);
    await page.locator('#burst-form input[name=writes]').fill('6');
    await page.getByTestId('burst').click();
    await page
      .getByTestId('action-result')
      .filter({ hasText: /6 of 6 writes accepted/ })
      .waitFor({ timeout: 30_000 });

    const stale = await rowWithStatus(page, product.id, 'behind');
    expect(await stale.locator('td.status').textContent()).toContain('v1 of v2');
    await eventually(async () => {
      const lag = await totalLag(page);
      if (lag < 7) throw new Error(`the page shows a lag of ${lag}, want at least 7`);
    });
    // The page's figures are Kafka's and the replica's own: checked here without the page.
    expect(await liveGroupLag()).toBeGreaterThanOrEqual(7);
    expect((await catalogProduct(product.id))?.version).toBe(1);
    expect(await page.locator('#status-counts li[data-status="behind"]').textContent()).toMatch(/replica behind: \d+/);
    await screenshot(page, '2-paused-lag-and-stale-replica');
  });

  it('resumes the consumer: the replica catches up and the lag drops to 0', async () => {
    const page = view.page();
    await page.getByTestId('resume').click();
    await page.getByTestId('consumer-state').filter({ hasText: 'running' }).waitFor({ timeout: 15_000 });
    const caughtUp = await rowWithStatus(page, product.id, 'in-sync');
    expect((await caughtUp.locator('td').allTextContents())[8]).toBe('2');
    await eventually(async () => {
      const lag = await totalLag(page);
      if (lag !== 0) throw new Error(`the page still shows a lag of ${lag}`);
    });
    expect(await drainedAndEqual()).toBeGreaterThanOrEqual(7);
    await screenshot(page, '3-resumed-converged');
  });

  it('sends a poison record: the page shows its dead letter with the reason, and replays it', async () => {
    const page = view.page();
    const since = await topicEnds(DEAD_LETTER_TOPIC);
    await page.locator('#poison-form select[name=kind]').selectOption('not-json');
    await page.getByTestId('poison').click();
    const sent = page
      .getByTestId('action-result')
      .filter({ hasText: /poison: done: not-json at product\.events p\d+@\d+/ });
    const [, where] = /(p\d+@\d+)/.exec((await sent.textContent({ timeout: 15_000 })) ?? '') ?? [];
    // The feed shows it as it flows (history holds older poison of other tests: this one by its offset).
    await page.locator('#events li[data-kind="poison"]', { hasText: `${where} ` }).waitFor({ timeout: 15_000 });
    const id = await eventually(async () => {
      const [letter] = await deadLettersSince(since);
      if (!letter) throw new Error('no dead letter on Kafka yet');
      return `${letter.partition}@${letter.offset}`;
    });
    const letter = page.locator(`#dead-letters li[data-dead-letter-id="${id}"]`);
    await letter.waitFor({ timeout: 30_000 });
    expect(await letter.getAttribute('data-error-class')).toBe('unparseable');
    expect(await letter.locator('.reason').textContent()).toMatch(/value is not valid JSON/);
    await screenshot(page, '4-poison-dead-lettered');

    // Replayed unfixed, the same bytes come back to the dead-letter topic: the page shows both steps.
    await letter.getByRole('button', { name: 'Replay' }).click();
    await page
      .getByTestId('action-result')
      .filter({ hasText: `replayed ${id}` })
      .waitFor({ timeout: 30_000 });
    const replayed = page.locator('#events li[data-kind="poison"]', {
      hasText: `replayed from ${DEAD_LETTER_TOPIC}/${id}`,
    });
    await replayed.waitFor({ timeout: 15_000 });
    const again = await eventually(async () => {
      const letters = await deadLettersSince(since);
      if (letters.length < 2) throw new Error('the replayed record is not dead-lettered again yet');
      return letters[1];
    });
    await page
      .locator(`#dead-letters li[data-dead-letter-id="${again.partition}@${again.offset}"]`)
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '5-dead-letter-replayed');
  });
});
