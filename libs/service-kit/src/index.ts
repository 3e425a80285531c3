export * from './env.js';
export * from './page-query.js';
export * from './kafka.js';
export * from './kafka-consumer-options.js';
export * from './kafka-consumer-health.js';
export * from './data-rejection.js';
export * from './backoff.js';
export * from './read-topic.js';
