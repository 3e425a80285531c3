import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

/** Bounds on the product events a write produces. */
export const eventsConfig = registerAs('events', () => ({
  /** Largest serialized event (Kafka record) a write may produce; over it, 413 and nothing written. */
  maxBytes: validateEnv(process.env).PRODUCT_EVENT_MAX_BYTES,
}));
