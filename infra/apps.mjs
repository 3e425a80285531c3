// @ts-check
// The three apps `npm start` runs: where each listens and what it prints once up.

/**
 * @typedef {{
 *   name: import('./supervise.mjs').AppName, color: number,
 *   port: 'API_SERVICE_PORT' | 'PRODUCT_PRODUCER_PORT' | 'PRODUCT_CONSUMER_PORT',
 *   urls: (port: string) => string[],
 * }} App
 */

/** @type {App[]} */
export const APPS = [
  {
    name: 'api-service',
    color: 32,
    port: 'API_SERVICE_PORT',
    urls: (p) => [`REST API      http://localhost:${p}/products`, `OpenAPI       http://localhost:${p}/docs`],
  },
  {
    name: 'product-producer',
    color: 35,
    port: 'PRODUCT_PRODUCER_PORT',
    urls: (p) => [`relay health  http://localhost:${p}/health`],
  },
  {
    name: 'product-consumer',
    color: 33,
    port: 'PRODUCT_CONSUMER_PORT',
    urls: (p) => [`replica       http://localhost:${p}/catalog/products`],
  },
];
