import type { FastifyInstance } from 'fastify';

/**
 * Gives a request on Fastify what the middlewares (tracing, nestjs-pino, metrics) find on Express:
 * - its id (fastifyAdapter's genReqId) answered in X-Request-Id, as pino-http's genReqId does on Express: on
 *   Fastify pino-http keeps the id Fastify gave the request instead of asking for one;
 * - the matched route's pattern on the raw request, where Express leaves it (`req.route.path`), so the route label
 *   of spans and metrics reads the same on both (unset when no route matched).
 * The async context a middleware opens needs nothing: Fastify 5 parses the body inside it (an AsyncResource in
 * content-type-parser.js, since fastify/fastify#3570); label-requests.spec.ts holds it to that.
 */
export function labelRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('X-Request-Id', request.id);
    const path = request.routeOptions.url;
    if (path !== undefined) Object.assign(request.raw, { route: { path } });
    done();
  });
}
