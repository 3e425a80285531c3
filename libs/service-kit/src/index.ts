export * from './env.js';
export * from './page-query.js';
