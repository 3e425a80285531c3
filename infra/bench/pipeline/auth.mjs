// @ts-check
// The benchmark writes as the test stack's `products:write` key (infra/env.mjs), like any client.
import { TEST_API_KEYS } from '../../env.mjs';

/** Sent with every request the benchmark makes to api-service. */
export const WRITER_AUTH = { authorization: `Bearer ${process.env.TEST_API_KEY_WRITER || TEST_API_KEYS.writer}` };
