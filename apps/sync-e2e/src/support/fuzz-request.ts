import { testKeys } from './api.js';
import { e2eEnv } from './env.js';

/** One HTTP request of the fuzz suite, to either app, with its body as raw text (so it can be any bytes). */
export interface FuzzRequest {
  app: 'api' | 'catalog';
  method: string;
  /** Path and query, already encoded as they go on the wire. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FuzzResponse {
  status: number;
  /** The parsed JSON body, or the raw text if it is not JSON. */
  body: unknown;
  headers: Headers;
}

/** "Never a hang": an answer must come well within this, even for a request that waits for the replica. */
const ANSWER_WITHIN_MS = 40_000;

/**
 * Every request the fuzz suite sends goes through here. It carries a key with every scope (unless the
 * request names its own), so hostile input reaches the validation behind the access guard; what
 * callers without the right key get is security.e2e.spec.ts's table.
 */
export async function fuzzRequest(request: FuzzRequest): Promise<FuzzResponse> {
  const base = request.app === 'api' ? e2eEnv.apiUrl : e2eEnv.consumerUrl;
  const response = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: { authorization: `Bearer ${testKeys.learner}`, ...request.headers },
    body: request.body,
    signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (e.g. the OpenAPI page): kept as text
  }
  return { status: response.status, body, headers: response.headers };
}
