import { readFileSync } from 'node:fs';
import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';
import type { KafkaSecurity } from './kafka-settings.js';

const flag = z.enum(['true', 'false']).default('false');

/**
 * The environment every Kafka client of the project is secured from. One fragment that each app's
 * env schema spreads (`z.object({ ...kafkaSecurityEnv, ... })`), so all take the same settings.
 */
export const kafkaSecurityEnv = {
  /** TLS to the brokers (a managed cluster's SASL_SSL listener). */
  KAFKA_SSL: flag,
  /** PEM of the CA the brokers' certificates are signed by; unset: the system's CAs. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256', 'plain']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  /** Prefer KAFKA_SASL_PASSWORD_FILE: a file (a mounted secret) stays out of the process listing and env dumps. */
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD_FILE: z.string().min(1).optional(),
};

export const kafkaSecurityEnvSchema = z.object(kafkaSecurityEnv);
export type KafkaSecurityEnv = z.infer<typeof kafkaSecurityEnvSchema>;

/** The file's content; `read` is a port so the rules below are testable without files. */
export type ReadSecretFile = (path: string) => string;
const readText: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/** What KafkaSettings carries for the env: nothing when neither TLS nor SASL is asked for. */
export function kafkaSecurity(env: KafkaSecurityEnv, read: ReadSecretFile = readText): KafkaSecurity {
  const ssl =
    env.KAFKA_SSL === 'true' ? (env.KAFKA_SSL_CA_FILE ? { ca: [read(env.KAFKA_SSL_CA_FILE)] } : true) : undefined;
  if (!ssl && env.KAFKA_SSL_CA_FILE) throw new Error('KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true');
  return { ...(ssl && { ssl }), ...(env.KAFKA_SASL_MECHANISM && { sasl: saslOptions(env, read) }) };
}

function saslOptions(env: KafkaSecurityEnv, read: ReadSecretFile): SASLOptions {
  const mechanism = env.KAFKA_SASL_MECHANISM as string;
  const username = env.KAFKA_SASL_USERNAME;
  if (!username) throw new Error(`KAFKA_SASL_MECHANISM=${mechanism} needs KAFKA_SASL_USERNAME`);
  if (env.KAFKA_SASL_PASSWORD && env.KAFKA_SASL_PASSWORD_FILE) {
    throw new Error('set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both');
  }
  const file = env.KAFKA_SASL_PASSWORD_FILE;
  const password = file ? read(file).trim() : env.KAFKA_SASL_PASSWORD;
  if (!password)
    throw new Error(`KAFKA_SASL_MECHANISM=${mechanism} needs KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE`);
  return { mechanism, username, password } as SASLOptions;
}

/** For scripts without an env schema of their own (infra/topics.mjs, the benchmark): process.env → KafkaSecurity. */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  return kafkaSecurity(kafkaSecurityEnvSchema.parse(env));
}
