import type { OpenAPIObject } from '@nestjs/swagger';
import { accessFor, type Access } from '../auth/access-policy.js';
import { INPUT_LIMITS } from '../input/input-limits.js';
import { ERROR_SCHEMA, errorExample, errorSchema } from './error-schema.js';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Response = Extract<Operation['responses'][string], { description: string }>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
/** Methods whose body the JSON parser reads: a malformed one is a 400, a big one a 413. */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** What each status the edge itself answers means, and an example body. */
const EDGE_RESPONSES: Record<number, { description: string; message: string }> = {
  400: {
    description: 'The request is invalid: `errors` lists each parameter or field at fault and why.',
    message: 'body: must be valid JSON',
  },
  401: {
    description: 'No API key, or one that is not valid: send `Authorization: Bearer <key>`.',
    message: 'this route needs an API key: send "Authorization: Bearer <key>"',
  },
  403: {
    description: "The API key lacks this route's scope (`requiredScope`).",
    message: 'this API key lacks the scope "admin"',
  },
  413: {
    description: `The body is larger than the app accepts (${INPUT_LIMITS.maxBodyBytes} bytes).`,
    message: `body: must be at most ${INPUT_LIMITS.maxBodyBytes} bytes`,
  },
  429: {
    description: 'Too many requests from this address or with this key; `Retry-After` says when to try again.',
    message: 'too many requests: retry after 1 s',
  },
};

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
};
const WWW_AUTHENTICATE = {
  'WWW-Authenticate': { description: 'The Bearer challenge (RFC 6750).', schema: { type: 'string' } },
};

export interface ContractOptions {
  /** The security scheme's name in components.securitySchemes; none for an app without API keys. */
  securityScheme?: string;
}

/**
 * Completes a Nest-generated document into the contract a client generates from, in one place
 * rather than on every route: each operation's security and required scope from the access table
 * (accessFor, the guard's own rules), the responses the edge answers on any route (400, 401, 403,
 * 413, 429) and, for every error response, the one error body. Controllers declare only what
 * their domain adds (404, 409, 412, 503…), and those get the error body here too.
 *
 * The document does not depend on the deployment's settings, so one generated client fits all:
 * reads that need a key only where READS_NEED_KEY=true list the key as optional, and 429 is listed
 * though rate limits can be turned off.
 */
export function completeContract(document: OpenAPIObject, { securityScheme }: ContractOptions = {}): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const route = path.replace(/\{([^}]+)\}/g, ':$1');
    const completed = { ...item };
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) completed[method] = completeOperation(operation, method, route, securityScheme);
    }
    paths[path] = completed;
  }
  const { security: _global, ...rest } = document;
  return {
    ...rest,
    servers:
      document.servers && document.servers.length > 0
        ? document.servers
        : [{ url: '/', description: 'The server that serves this document: paths are relative to it.' }],
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, [ERROR_SCHEMA]: errorSchema as never },
    },
  };
}

function completeOperation(operation: Operation, method: string, route: string, scheme?: string): Operation {
  const strict = scheme ? accessFor(method.toUpperCase(), route, true) : 'open';
  const lax = scheme ? accessFor(method.toUpperCase(), route, false) : 'open';
  const statuses = edgeStatuses(operation, method, strict);
  const responses: Operation['responses'] = { ...operation.responses };
  for (const status of statuses) {
    const edge = EDGE_RESPONSES[status];
    const description =
      status === 401 && lax === 'open' ? `Only where READS_NEED_KEY=true: ${edge.description}` : edge.description;
    responses[status] ??= { description };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400) responses[status] = withErrorBody(Number(status), response as Response, operation);
  }
  return {
    ...operation,
    ...(isScope(strict) && {
      description: [operation.description, `Needs an API key with the \`${strict}\` scope.`]
        .filter(Boolean)
        .join('\n\n'),
      'x-required-scope': strict,
    }),
    ...(scheme && { security: securityOf(strict, lax, scheme) }),
    responses: sortedByStatus(responses),
  };
}

/** The statuses the pipes, parsers and guards can answer before the handler runs. */
export function edgeStatuses(operation: Operation, method: string, access: Access): number[] {
  const body = BODY_METHODS.has(method);
  return [
    ...(body || (operation.parameters?.length ?? 0) > 0 || operation.requestBody ? [400] : []),
    ...(access !== 'open' ? [401] : []),
    ...(isScope(access) ? [403] : []),
    ...(body ? [413] : []),
    429,
  ];
}

function securityOf(strict: Access, lax: Access, scheme: string): Operation['security'] {
  if (strict === 'open') return [];
  // Open by default, a key where READS_NEED_KEY=true: either way is valid.
  if (lax === 'open') return [{}, { [scheme]: [] }];
  return [{ [scheme]: [] }];
}

function isScope(access: Access): boolean {
  return access !== 'open' && access !== 'any-key';
}

/** An error response without a body gets the error shape, an example, and the headers its status sends. */
function withErrorBody(status: number, response: Response, operation: Operation): Response {
  // A body a library documented on purpose (Terminus's health report on 503) is its contract: kept.
  if (response.content) return response;
  const headers = status === 401 ? WWW_AUTHENTICATE : status === 429 || status === 503 ? RETRY_AFTER : undefined;
  const example =
    status === 400
      ? invalidExample(operation)
      : errorExample(status, EDGE_RESPONSES[status]?.message ?? response.description);
  return {
    ...response,
    ...((headers || response.headers) && { headers: { ...headers, ...response.headers } }),
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` }, example } },
  };
}

/** A 400 as this operation would answer it: its first parameter or its body at fault. */
function invalidExample(operation: Operation): Record<string, unknown> {
  const parameter = operation.parameters?.find((p) => 'in' in p && (p.in === 'path' || p.in === 'query'));
  const [field, reason] =
    parameter && 'name' in parameter
      ? [parameter.name, parameter.in === 'path' ? 'must be a UUID' : `${parameter.name} must be an integer number`]
      : ['body', operation.requestBody ? 'must be an object' : 'must be valid JSON'];
  return { ...errorExample(400, `${field}: ${reason}`), errors: [{ field, reason }] };
}

function sortedByStatus(responses: Operation['responses']): Operation['responses'] {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}
