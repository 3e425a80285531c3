export * from './buckets.js';
export * from './metrics.module.js';
export * from './metrics.controller.js';
export * from './http-metrics.middleware.js';
export * from './route-label.js';
export * from './kafka-lag.gauge.js';
