import { describe, expect, it } from 'vitest';
import { kafkaSecurity, kafkaSecurityEnvSchema } from './kafka-security.env.js';

const files: Record<string, string> = { '/ca.pem': 'PEM', '/pw': 's3cret\n' };
const read = (path: string) => files[path] ?? '';
const security = (env: Record<string, string>) => kafkaSecurity(kafkaSecurityEnvSchema.parse(env), read);

describe('kafkaSecurity', () => {
  it('is PLAINTEXT when nothing is set', () => {
    expect(security({})).toEqual({});
  });

  it('turns on TLS with the system CAs, or with the CA file', () => {
    expect(security({ KAFKA_SSL: 'true' })).toEqual({ ssl: true });
    expect(security({ KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/ca.pem' })).toEqual({ ssl: { ca: ['PEM'] } });
  });

  it('takes SCRAM credentials, the password from a file trimmed', () => {
    const sasl = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'app' };
    expect(security({ ...sasl, KAFKA_SASL_PASSWORD: 'pw' }).sasl).toEqual({ ...mech('pw') });
    expect(security({ ...sasl, KAFKA_SASL_PASSWORD_FILE: '/pw' }).sasl).toEqual({ ...mech('s3cret') });
  });

  it('refuses incomplete or contradictory settings, naming the variable', () => {
    expect(() => security({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(/KAFKA_SASL_USERNAME/);
    expect(() => security({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'a' })).toThrow(/KAFKA_SASL_PASSWORD/);
    expect(() => security({ KAFKA_SSL_CA_FILE: '/ca.pem' })).toThrow(/KAFKA_SSL/);
    expect(() => security({ KAFKA_SSL: 'yes' })).toThrow();
  });
});

function mech(password: string) {
  return { mechanism: 'scram-sha-512', username: 'app', password };
}
