import { testKeys } from './api.js';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AppProcess } from './app-process.js';
import { launchChromium } from './browser.js';

const port = process.env.PIPELINE_VIEW_PORT;
if (!port) throw new Error('PIPELINE_VIEW_PORT is not set: run the end-to-end tests through `npm test`');

export const viewUrl = `http://127.0.0.1:${port}`;

/** The pipeline view as a real process, like the other apps; its figures every 500 ms so tests see changes soon. */
export const pipelineView = new AppProcess('pipeline-view', `${viewUrl}/health`, {
  PIPELINE_VIEW_TICK_MS: '500',
  PIPELINE_VIEW_API_KEY: testKeys.learner,
});

/**
 * A test file's pipeline view: the app started (after useRunningSystem's apps), and its page open in
 * headless Chromium once it is live; both stopped after the file's tests.
 */
export function usePipelineViewPage(): { page: () => Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    await pipelineView.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    await page.goto(viewUrl);
    await page.getByTestId('connection').filter({ hasText: 'live' }).waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await pipelineView.stop();
  });
  return {
    page: () => {
      if (!page) throw new Error('the page is not open (did beforeAll fail?)');
      return page;
    },
  };
}
