import { nestVitestConfig } from '../../vitest.shared.js';

export default nestVitestConfig();
