export * from './input-limits.js';
export * from './json-depth.js';
export * from './text-validity.js';
export * from './parser-errors.js';
export * from './body-parsers.js';
export * from './input-validity.pipe.js';
export * from './money.js';
export * from './json-charset.js';
