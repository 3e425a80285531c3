import { z } from 'zod';

/** A TCP port from the environment, with the service's default. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** A PostgreSQL connection URL, with the service's default. */
export const postgresUrl = (fallback: string) => z.url({ protocol: /^postgres(ql)?$/ }).default(fallback);

/** A PostgreSQL connection URL that may be unset (the app then falls back to another, see its database config). */
export const optionalPostgresUrl = z.url({ protocol: /^postgres(ql)?$/ }).optional();

/** `host:port,host:port` → a list, as kafkajs wants it. */
export const kafkaBrokers = z
  .string()
  .default('127.0.0.1:9092')
  .transform((value) =>
    value
      .split(',')
      .map((broker) => broker.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'each broker must be host:port')).min(1));

/**
 * ConfigModule's `validate` for a schema: the app refuses to boot, naming every bad variable,
 * instead of failing later on the first use of a bad value.
 */
export function envValidator<T extends z.ZodType>(schema: T): (raw: Record<string, unknown>) => z.infer<T> {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw new Error(`Invalid environment: ${problems}`);
    }
    return parsed.data;
  };
}
