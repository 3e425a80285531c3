import { z } from 'zod';
import { apiKeysSetting } from './api-keys.setting.js';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true');
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** The HTTP edge's settings, one shape both apps merge into their environment schema. */
export const httpSecurityEnv = {
  /** Where to listen: loopback unless said otherwise (containers say 0.0.0.0). */
  HOST: z.string().min(1).default('127.0.0.1'),
  API_KEYS: apiKeysSetting,
  /** GET /products… and GET /catalog/products… need a key (any valid one) too. */
  READS_NEED_KEY: flag(false),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1).default(1000),
  /** Requests per window from one client address, and with one key; 0 turns that limit off. */
  RATE_LIMIT_PER_IP: count(1000),
  RATE_LIMIT_PER_KEY: count(2000),
  /** Origins a browser may call from, comma-separated; none (the default) means no CORS at all. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  /** OpenAPI at /docs: on unless NODE_ENV=production, either way this decides. */
  DOCS_ENABLED: flag(process.env.NODE_ENV !== 'production'),
  /** Proxy hops in front of the app whose X-Forwarded-For to believe (Express's "trust proxy"). */
  TRUST_PROXY_HOPS: count(0),
};

type SecurityEnv = z.infer<z.ZodObject<typeof httpSecurityEnv>>;

/** The `security` namespace each app registers from its validated environment. */
export function httpSecuritySettings(env: SecurityEnv) {
  return {
    host: env.HOST,
    apiKeys: env.API_KEYS,
    readsNeedKey: env.READS_NEED_KEY,
    rateLimit: { windowMs: env.RATE_LIMIT_WINDOW_MS, perIp: env.RATE_LIMIT_PER_IP, perKey: env.RATE_LIMIT_PER_KEY },
    corsOrigins: env.CORS_ORIGINS,
    docsEnabled: env.DOCS_ENABLED,
    trustProxyHops: env.TRUST_PROXY_HOPS,
  };
}
export type HttpSecuritySettings = ReturnType<typeof httpSecuritySettings>;

export const HTTP_SECURITY = Symbol('HTTP_SECURITY');

/** The settings an app gets from this environment (defaults for whatever it leaves unset). */
export function httpSecurityFromEnv(env: Record<string, string | undefined> = {}): HttpSecuritySettings {
  return httpSecuritySettings(z.object(httpSecurityEnv).parse(env));
}
