import { describe, expect, it } from 'vitest';
import { poolConfigFromUrl } from './pool-config.js';

describe('poolConfigFromUrl', () => {
  it('splits a URL into discrete fields, decoding credentials', () => {
    expect(poolConfigFromUrl('postgresql://app%40x:p%2Fw@db.local:6543/api_service')).toEqual({
      host: 'db.local',
      port: 6543,
      user: 'app@x',
      password: 'p/w',
      database: 'api_service',
    });
  });

  it('defaults the port and maps sslmode', () => {
    const config = poolConfigFromUrl('postgres://u@h/d?sslmode=require');
    expect(config.port).toBe(5432);
    expect(config.ssl).toEqual({ rejectUnauthorized: false });
  });

  it('refuses a URL that is not PostgreSQL', () => {
    expect(() => poolConfigFromUrl('mysql://u@h/d')).toThrow('Not a PostgreSQL URL: mysql://h');
  });
});
