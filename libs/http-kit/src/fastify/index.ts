export * from './fastify-adapter.js';
