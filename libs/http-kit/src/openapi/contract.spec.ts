import type { OpenAPIObject } from '@nestjs/swagger';
import { describe, expect, it } from 'vitest';
import { completeContract, edgeStatuses } from './contract.js';
import { ERROR_SCHEMA } from './error-schema.js';

const ok = { 200: { description: 'ok' } };
const idParam = [{ name: 'id', in: 'path' as const, required: true, schema: { type: 'string' as const } }];

/** A document as Nest writes it: no servers, a global security requirement, bare error responses. */
const nestDocument = (): OpenAPIObject => ({
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  servers: [],
  security: [{ 'api-key': [] }],
  paths: {
    '/health': { get: { responses: { ...ok } } },
    '/products': {
      get: { parameters: [], responses: { ...ok } },
      post: { requestBody: { content: {} }, responses: { 201: { description: 'created' } } },
    },
    '/products/{id}': {
      get: { parameters: idParam, responses: { ...ok, 404: { description: 'No product has this id.' } } },
    },
    '/sync/status': { get: { responses: { ...ok } } },
  },
  components: { schemas: {} },
});

function operationOf(document: OpenAPIObject, path: string, method: 'get' | 'post') {
  const operation = document.paths[path][method];
  if (!operation) throw new Error(`${method} ${path} is not in the document`);
  return operation;
}

describe('completeContract', () => {
  const document = completeContract(nestDocument(), { securityScheme: 'api-key' });
  const op = (path: string, method: 'get' | 'post') => operationOf(document, path, method);
  const scopeOf = (path: string, method: 'get' | 'post') =>
    (op(path, method) as unknown as Record<string, unknown>)['x-required-scope'];

  it('takes security from the access table: open, open unless READS_NEED_KEY, a scope', () => {
    expect(op('/health', 'get').security).toEqual([]);
    expect(op('/products', 'get').security).toEqual([{}, { 'api-key': [] }]);
    expect(op('/products', 'post').security).toEqual([{ 'api-key': [] }]);
    expect(scopeOf('/products', 'post')).toBe('products:write');
    expect(scopeOf('/sync/status', 'get')).toBe('admin');
    expect(document.security).toBeUndefined();
  });

  it("adds the edge's responses each route can give, and keeps the controller's", () => {
    expect(Object.keys(op('/health', 'get').responses)).toEqual(['200', '429']);
    expect(Object.keys(op('/products', 'post').responses)).toEqual(['201', '400', '401', '403', '413', '429']);
    expect(Object.keys(op('/products/{id}', 'get').responses)).toEqual(['200', '400', '401', '404', '429']);
    expect(op('/products/{id}', 'get').responses[404]).toMatchObject({ description: 'No product has this id.' });
    expect(op('/products/{id}', 'get').responses[401]).toMatchObject({
      description: expect.stringMatching(/^Only where READS_NEED_KEY=true/),
    });
  });

  it('gives every error response the one error body, with an example in that shape', () => {
    const notFound = op('/products/{id}', 'get').responses[404] as { content: Record<string, unknown> };
    expect(notFound.content['application/json']).toEqual({
      schema: { $ref: `#/components/schemas/${ERROR_SCHEMA}` },
      example: { statusCode: 404, error: 'Not Found', message: 'No product has this id.' },
    });
    const invalid = op('/products/{id}', 'get').responses[400] as { content: Record<string, { example: unknown }> };
    expect(invalid.content['application/json'].example).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'id: must be a UUID',
      errors: [{ field: 'id', reason: 'must be a UUID' }],
    });
    expect(document.components?.schemas?.[ERROR_SCHEMA]).toMatchObject({
      required: ['statusCode', 'error', 'message'],
    });
  });

  it('keeps a body a library documented on purpose (the health report on 503)', () => {
    const withReport = nestDocument();
    const report = { 'application/json': { schema: { type: 'object' as const } } };
    operationOf(withReport, '/health', 'get').responses[503] = { description: 'down', content: report };
    const health = operationOf(completeContract(withReport, { securityScheme: 'api-key' }), '/health', 'get');
    expect(health.responses[503]).toEqual({ description: 'down', content: report });
  });

  it('lists the server the document is served from when Nest lists none', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('without a security scheme (pipeline-view), claims no key and no 401/403', () => {
    const open = completeContract(nestDocument());
    expect(open.paths['/sync/status'].get).not.toHaveProperty('security');
    expect(Object.keys(operationOf(open, '/products', 'post').responses)).toEqual(['201', '400', '413', '429']);
  });
});

describe('edgeStatuses', () => {
  it('400 and 413 for a body, 400 for parameters, 401 for a key, 403 for a scope, 429 always', () => {
    expect(edgeStatuses({ responses: {} }, 'delete', 'products:write')).toEqual([400, 401, 403, 413, 429]);
    expect(edgeStatuses({ responses: {}, parameters: idParam }, 'get', 'any-key')).toEqual([400, 401, 429]);
    expect(edgeStatuses({ responses: {} }, 'get', 'open')).toEqual([429]);
  });
});
