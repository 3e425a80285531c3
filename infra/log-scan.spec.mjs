// @ts-check
import { describe, expect, it } from 'vitest';
import { leaksInLogs, masked, MIN_SECRET_LENGTH } from './log-scan.mjs';

const scram = { name: 'SCRAM password of product-producer', value: 'Zq8wL0pXv3NfT2bHr9Ks' };
const store = { name: 'keystore/truststore password', value: 'uT7yPq2Lm9ZcV4xRe1Wd' };

describe('leaksInLogs', () => {
  it('passes logs that hold no secret', () => {
    const files = [{ path: 'a.log', text: 'started\nproduct-producer connected as product-producer\n' }];
    expect(leaksInLogs(files, [scram, store])).toEqual([]);
  });

  it('names the file, the line and the secret, and masks the secret', () => {
    const files = [
      { path: '.local/test-logs/03-vitest.log', text: 'ok\nok\nsasl: { password: "Zq8wL0pXv3NfT2bHr9Ks" }\n' },
      { path: '.local/e2e-logs/api-service.log', text: `ssl.keystore.password=${store.value} (again ${store.value})` },
    ];
    const findings = leaksInLogs(files, [scram, store]);
    expect(findings).toEqual([
      '.local/test-logs/03-vitest.log:3: SCRAM password of product-producer: sasl: { password: "***" }',
      '.local/e2e-logs/api-service.log:1: keystore/truststore password: ssl.keystore.password=*** (again ***)',
    ]);
    expect(findings.join('\n')).not.toMatch(new RegExp(`${scram.value}|${store.value}`));
  });

  it('finds a password in a URL whatever the password, but not a redacted one', () => {
    const files = [
      {
        path: 'up.log',
        text: [
          'ready: postgresql://postgres:***@127.0.0.1:5432/api_service_test',
          'ready: postgresql://app:%2A%2A%2A@db:5432/catalog',
          'connecting to postgresql://postgres:postgres@127.0.0.1:5432/api_service_test',
          'GET http://127.0.0.1:13000/products?sku=a:b@c', // no scheme://user:pass@ shape before the host
        ].join('\n'),
      },
    ];
    expect(leaksInLogs(files, [])).toEqual([
      'up.log:3: a password in a URL: connecting to postgresql://postgres:***@127.0.0.1:5432/api_service_test',
    ]);
  });

  it('searches a scoped secret only where it is scoped, and masks every secret in a line it reports', () => {
    const key = { name: 'test API key', value: 'nks-test-key-admin', in: /^\.local\/e2e-logs\// };
    const files = [
      { path: '.local/test-logs/05-vitest.log', text: 'curl -H "Authorization: Bearer nks-test-key-admin"' },
      { path: '.local/e2e-logs/api-service.log', text: `auth nks-test-key-admin from product-producer:${scram.value}` },
    ];
    expect(leaksInLogs(files, [scram, key])).toEqual([
      '.local/e2e-logs/api-service.log:1: SCRAM password of product-producer, test API key: auth *** from product-producer:***',
    ]);
    const urlOnly = [{ path: 'a.log', text: `ssl=${scram.value} postgresql://u:p4ss@db/x` }];
    expect(leaksInLogs(urlOnly, [{ ...scram, in: /^never$/ }])).toEqual([
      'a.log:1: a password in a URL: ssl=*** postgresql://u:***@db/x',
    ]);
  });

  it('fails when there was no log to scan: an empty scan proves nothing', () => {
    expect(leaksInLogs([], [scram])).toEqual([expect.stringMatching(/^no log files to scan/)]);
  });

  it('refuses a secret too short to search for, rather than skipping it', () => {
    const short = { name: 'database password', value: 'x'.repeat(MIN_SECRET_LENGTH - 1) };
    expect(() => leaksInLogs([{ path: 'a.log', text: '' }], [short])).toThrow(/database password.*too short/);
  });
});

describe('masked', () => {
  it('cuts a long line around the masked secret, never through it', () => {
    const line = `${'x'.repeat(500)} ${scram.value} ${'y'.repeat(500)}`;
    expect(masked(line, [scram])).toBe(`…${'x'.repeat(79)} *** ${'y'.repeat(116)}…`);
  });
});
