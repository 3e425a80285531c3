import { nestVitestConfig } from '../../vitest.shared.js';

// The integration specs share the product_catalog_test database: one file at a time.
export default nestVitestConfig({ fileParallelism: false });
