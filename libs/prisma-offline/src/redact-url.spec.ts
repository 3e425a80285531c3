import { describe, expect, it } from 'vitest';
import { redactUrl, redactUrls } from './redact-url.js';

describe('redactUrl', () => {
  it('replaces the password and keeps the user, host and database', () => {
    expect(redactUrl('postgresql://nks_api:s3cr%40t@db.local:5432/api_service?sslmode=require')).toBe(
      'postgresql://nks_api:***@db.local:5432/api_service?sslmode=require',
    );
  });

  it('leaves a URL without a password as it is', () => {
    expect(redactUrl('postgresql://postgres@127.0.0.1:5432/api_service')).toBe(
      'postgresql://postgres@127.0.0.1:5432/api_service',
    );
  });

  it('prints nothing of what it cannot parse', () => {
    expect(redactUrl('postgresql://u:pw@[bad')).toBe('<unparseable URL>');
  });
});

describe('redactUrls', () => {
  it('redacts every URL in a text and nothing else', () => {
    expect(redactUrls('api postgresql://a:one@h/x, catalog postgres://b:two@h:5433/y; time 12:30@noon')).toBe(
      'api postgresql://a:***@h/x, catalog postgres://b:***@h:5433/y; time 12:30@noon',
    );
  });
});
