import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Retries `check` until it stops throwing, then returns its result; after `timeoutMs` rethrows
 * its last error, so a failure says what was still wrong rather than just "timed out".
 */
export async function eventually<T>(
  check: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}
