import { describeIssues } from '@nestjs-kafka-sync/contracts';
import { z } from 'zod';

export const envSchema = z.object({
  API_SERVICE_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  API_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).default('postgresql://postgres@127.0.0.1:5432/api_service'),
  API_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** ConfigModule's `validate`: fail at boot, naming every bad variable. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
