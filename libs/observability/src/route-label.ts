/** What Express leaves on a request once a route matched it (`req.route` is unset for a 404). */
export interface RoutedRequest {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The `route` label of a request: the route's pattern (`/products/:id`), never the raw URL, so a
 * label's values stay few however many products there are. Requests no route matched share one value.
 */
export function routeLabel(request: RoutedRequest): string {
  const path = request.route?.path;
  if (typeof path !== 'string') return 'unmatched';
  return `${request.baseUrl ?? ''}${path}` || '/';
}
