import { nestVitestConfig } from '../../vitest.shared.js';

// The integration specs (project int) share the api_service_test database: one file at a time.
export default nestVitestConfig({ fileParallelism: false });
