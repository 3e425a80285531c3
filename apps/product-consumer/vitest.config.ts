import { nestVitestConfig } from '../../vitest.shared.js';

// The integration specs (project int) share the product_catalog_test database: one file at a time.
export default nestVitestConfig({ fileParallelism: false });
