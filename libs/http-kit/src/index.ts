export * from './page-query.js';
export * from './validation-errors.js';
