import { nestVitestConfig } from '../../vitest.shared.js';

// The integration specs share the api_service_test database: one file at a time.
export default nestVitestConfig({ fileParallelism: false });
