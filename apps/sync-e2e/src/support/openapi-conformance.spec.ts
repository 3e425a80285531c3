import { describe, expect, it } from 'vitest';
import { conformance } from './openapi-conformance.js';

const document = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          204: {},
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'note'],
        properties: { id: { type: 'string', format: 'uuid' }, note: { type: 'string', nullable: true } },
      },
    },
  },
};
const id = '00000000-0000-4000-8000-000000000000';

describe('conformance', () => {
  const problems = conformance(document);

  it('accepts a body that validates, a nullable string as null included', () => {
    expect(problems('GET', '/things/{id}', 200, { id, note: 'n' })).toEqual([]);
    expect(problems('GET', '/things/{id}', 200, { id, note: null })).toEqual([]);
    expect(problems('GET', '/things/{id}', 204, undefined)).toEqual([]);
  });

  it('names what breaks the schema: a wrong type, a missing property, a bad format', () => {
    expect(problems('GET', '/things/{id}', 200, { id, note: {} })).toEqual([
      'GET /things/{id} 200: /note must be string',
    ]);
    expect(problems('GET', '/things/{id}', 200, { id: 'x' })).toHaveLength(2);
  });

  it('refuses a status, an operation or a body the document does not have', () => {
    expect(problems('GET', '/things/{id}', 404, {})).toEqual([
      'GET /things/{id} answered 404, which the document does not list',
    ]);
    expect(problems('DELETE', '/things/{id}', 204, undefined)).toEqual(['DELETE /things/{id} is not in the document']);
    expect(problems('GET', '/things/{id}', 204, {})).toHaveLength(1);
  });
});
