/**
 * Where a request says which route matched it: Express leaves `req.route` (unset for a 404), Fastify
 * `request.routeOptions.url` (unset for a 404; http-kit's labelRequests copies it onto the raw request).
 */
export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
  routeOptions?: { url?: unknown };
}

/** The matched route's pattern (`/products/:id`), or undefined when no route matched. */
export function routePattern(request: RoutedRequest): string | undefined {
  const fastifyUrl = request.routeOptions?.url;
  if (typeof fastifyUrl === 'string') return fastifyUrl;
  const path = request.route?.path;
  if (typeof path !== 'string') return undefined;
  return `${request.baseUrl ?? ''}${path}` || '/';
}

/**
 * The `route` label of a request: the route's pattern, never the raw URL, so a label's values stay few however
 * many products there are. Requests no route matched share one value.
 */
export function routeLabel(request: RoutedRequest): string {
  return routePattern(request) ?? 'unmatched';
}
