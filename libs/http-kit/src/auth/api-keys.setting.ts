import { z } from 'zod';
import { SCOPES } from './scopes.js';

const apiKey = z.strictObject({
  name: z.string().regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores'),
  scopes: z.array(z.enum(SCOPES)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the SHA-256 of the key: 64 lowercase hex digits'),
});
export type ApiKeyEntry = z.infer<typeof apiKey>;

/**
 * `API_KEYS`: a JSON list of `{name, scopes, sha256}`. Only hashes: an entry with any other field
 * (a plain `key`, say) is refused at boot. Empty means no key is valid (fail closed).
 */
export const apiKeysSetting = z
  .string()
  .default('[]')
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON list of {"name", "scopes", "sha256"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(apiKey).refine((keys) => new Set(keys.map((k) => k.name)).size === keys.length, 'key names must be unique'),
  );
