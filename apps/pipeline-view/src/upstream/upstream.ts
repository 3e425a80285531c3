import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { viewConfig } from '../config/view.config.js';

/** What another app answered: its status and body as they were, so the page shows its errors unchanged. */
export interface UpstreamReply {
  status: number;
  body: unknown;
}

export type UpstreamApp = 'api-service' | 'product-consumer';

/**
 * Every request the view makes to the other apps goes through `request`, the one place that sends
 * its key (`Authorization: Bearer …`: product writes and the consumer's admin controls need one). An app that does not answer is
 * a 502 in the project's error shape, naming the app and its address.
 */
@Injectable()
export class Upstream {
  private readonly baseUrls: Record<UpstreamApp, string>;
  private readonly auth: Record<string, string>;

  constructor(@Inject(viewConfig.KEY) config: ConfigType<typeof viewConfig>) {
    this.baseUrls = { 'api-service': config.apiServiceUrl, 'product-consumer': config.productConsumerUrl };
    this.auth = config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
  }

  async request(app: UpstreamApp, method: string, path: string, body?: unknown, timeoutMs = 10_000) {
    const url = `${this.baseUrls[app]}${path}`;
    try {
      const response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...this.auth,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      return { status: response.status, body: text ? parseJson(text) : null } satisfies UpstreamReply;
    } catch (error) {
      const message = `${app} did not answer at ${url}: ${(error as Error).message}`;
      return { status: 502, body: { statusCode: 502, error: 'Bad Gateway', message } } satisfies UpstreamReply;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}
