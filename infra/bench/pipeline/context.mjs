// @ts-check
// What every measurement gets: the options, the stack, this run's sku prefix and a pool per database.

/**
 * @typedef {object} BenchContext
 * @property {import('./options.mjs').BenchOptions} options
 * @property {Record<string, string>} env the stack's environment (URLs, ports, group ids)
 * @property {string} apiUrl
 * @property {string} tag every sku this run writes starts with it
 * @property {import('pg').Pool} api api_service
 * @property {import('pg').Pool} catalog product_catalog
 * @property {Record<string, number> | null} pids the apps' processes, when the benchmark started them
 */

export {};
