export * from './env.js';
export * from './prisma-errors.js';
export * from './sql-iso-timestamp.js';
export * from './data-rejection.js';
export * from './backoff.js';
export * from './pg-connection.js';
export * from './pg-listener.js';
