export * from './env.js';
export * from './page-query.js';
export * from './data-rejection.js';
export * from './backoff.js';
