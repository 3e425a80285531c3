export * from './product-event.fixture.js';
export * from './sync-ack.fixture.js';
