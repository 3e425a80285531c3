export * from './error-schema.js';
export * from './contract.js';
export * from './openapi-document.js';
