export * from './product-event.js';
export * from './validation.js';
export * from './kafka-message.js';
export * from './sync-ack.js';
export * from './dead-letter.js';
export * from './dead-letter-fit.js';
export * from './topics.js';
export * from './partition-stall.js';
