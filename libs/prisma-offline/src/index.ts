export * from './pool-config.js';
export * from './migrate-adapter.js';
export * from './prisma-config.js';
export * from './local-databases.js';
export * from './redact-url.js';
