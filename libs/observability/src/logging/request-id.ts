import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A client's X-Request-Id is kept only when short and plain: it is echoed into every log line of the request. */
const CLIENT_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The id of one HTTP request: the caller's `X-Request-Id` when it is a plain token, else a new UUID. */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}
