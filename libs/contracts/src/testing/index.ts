export * from './product-event.fixture.js';
