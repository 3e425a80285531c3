import { FastifyAdapter } from '@nestjs/platform-fastify';
import { requestId } from '@nestjs-kafka-sync/observability';
import { httpSecurityEnv } from '../auth/http-security.settings.js';
import { INPUT_LIMITS } from '../input/input-limits.js';

/**
 * The adapter an app on Fastify is made with (api-service: Fastify spends less than half of Express's CPU per
 * request, issue 9). What Fastify takes only at construction, before the app's validated settings exist, is set
 * here: the body limit (a bigger body is a 413 before it is read to the end), how many proxies to believe for the
 * client's address (read with the same schema the app validates TRUST_PROXY_HOPS with), and the request id: the
 * one pino-http logs, as it keeps an id the request has (labelRequests answers it in X-Request-Id).
 */
export function fastifyAdapter(env: Record<string, string | undefined> = process.env): FastifyAdapter {
  const hops = httpSecurityEnv.TRUST_PROXY_HOPS.parse(env.TRUST_PROXY_HOPS);
  // As proxy-addr reads a number of hops (Express's setting): believe the nearest `hops` addresses.
  return new FastifyAdapter({
    bodyLimit: INPUT_LIMITS.maxBodyBytes,
    trustProxy: (_address, hop) => hop < hops,
    genReqId: requestId,
  });
}
