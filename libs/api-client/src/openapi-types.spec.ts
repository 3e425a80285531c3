import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations, shared with `nx run api-client:generate`
import { APPS, generatedPath, generatedTypes, snapshotPath } from '../scripts/openapi-files.mjs';

describe('the generated types', () => {
  it.each(Object.keys(APPS))(
    '%s: are what its committed snapshot generates (run `nx run api-client:generate`)',
    async (app) => {
      const document = JSON.parse(readFileSync(snapshotPath(app), 'utf8'));
      expect(readFileSync(generatedPath(app), 'utf8')).toBe(await generatedTypes(document));
    },
  );
});
