import { createHash, timingSafeEqual } from 'node:crypto';

/** What the configuration holds instead of a key: its SHA-256, as 64 lowercase hex digits. */
export function sha256Hex(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The configured entry whose hash is the presented key's, or undefined. Every entry is compared,
 * each in constant time over two equal-length digests, so neither the time taken nor an early exit
 * says how much of a guess was right. (A fast hash is enough: keys are 256 random bits, not passwords.)
 */
export function findByKey<T extends { sha256: string }>(entries: readonly T[], presented: string): T | undefined {
  const digest = Buffer.from(sha256Hex(presented), 'hex');
  let found: T | undefined;
  for (const entry of entries) {
    if (timingSafeEqual(digest, Buffer.from(entry.sha256, 'hex')) && found === undefined) found = entry;
  }
  return found;
}
