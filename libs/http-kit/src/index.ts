export * from './domain-error.js';
export * from './invalid-input.js';
export * from './error-reply.js';
export * from './http-errors.filter.js';
export * from './validation-errors.js';
export * from './uuid-param.js';
export * from './page-query.js';
export * from './configure-http-app.js';
