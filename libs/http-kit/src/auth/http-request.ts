import type { IncomingHttpHeaders } from 'node:http';

/** What the guards read of a request, the same on Express and Fastify. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The client's address, proxies believed as TRUST_PROXY_HOPS says (Express's `req.ip`, Fastify's `request.ip`). */
  ip?: string;
}

/** What the guards set on an answer: Express's `res.header()` and Fastify's `reply.header()` alike. */
export interface HttpReply {
  header(name: string, value: string): unknown;
}
