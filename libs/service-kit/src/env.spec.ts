import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { envValidator, kafkaBrokers, port, postgresUrl } from './env.js';

const validate = envValidator(
  z.object({ PORT: port(3000), DATABASE_URL: postgresUrl('postgresql://u@h/db'), KAFKA_BROKERS: kafkaBrokers }),
);

describe('envValidator', () => {
  it('applies defaults and parses values', () => {
    expect(validate({})).toEqual({
      PORT: 3000,
      DATABASE_URL: 'postgresql://u@h/db',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
    });
    expect(validate({ PORT: '8080', KAFKA_BROKERS: 'a:1, b:2' })).toMatchObject({
      PORT: 8080,
      KAFKA_BROKERS: ['a:1', 'b:2'],
    });
  });

  it('refuses to boot naming every bad variable', () => {
    expect(() => validate({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KAFKA_BROKERS: 'nohost' })).toThrow(
      /^Invalid environment: PORT: .+; DATABASE_URL: .+; KAFKA_BROKERS\.0: each broker must be host:port$/,
    );
  });
});
