import { STATUS_CODES } from 'node:http';

/** The name under components.schemas of the one error shape both apps answer (error-reply.ts). */
export const ERROR_SCHEMA = 'ErrorResponse';

/**
 * ErrorBody (error-reply.ts) as JSON Schema: every 4xx and 5xx the filter answers. Written by hand,
 * not from a class, because `errors` and the facts are optional and the facts are open-ended: a
 * client must accept a fact it does not know yet (additionalProperties).
 */
export const errorSchema = {
  type: 'object',
  description:
    'Every error either app answers. `errors` lists the fields at fault (400, 409); other properties are facts to recover with.',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', description: 'The HTTP status again.', example: 400 },
    error: { type: 'string', description: "The status' reason phrase.", example: 'Bad Request' },
    message: {
      type: 'string',
      description: 'What went wrong, for a person; with `errors`, each "field: reason" joined by "; ".',
      example: 'price: price must not be less than 0',
    },
    errors: {
      type: 'array',
      description: 'The fields at fault, each with why.',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', description: 'A body property, query or path parameter, or header.' },
          reason: { type: 'string' },
        },
      },
    },
    currentVersion: {
      type: 'integer',
      description: '412: the version the resource is at; read it again from there.',
    },
    written: {
      description:
        '409 / 503 on a write: false when nothing was written (retry), "unknown" when the connection was lost during the commit (read before retrying).',
      oneOf: [
        { type: 'boolean', enum: [false] },
        { type: 'string', enum: ['unknown'] },
      ],
    },
    requiredScope: { type: 'string', description: '403: the scope the key lacks.' },
    ids: { type: 'array', items: { type: 'string' }, description: '404 on a replay: the ids asked for.' },
  },
  additionalProperties: true,
} as const;

/** An example body for a status, as the filter would answer it. */
export function errorExample(status: number, message: string): Record<string, unknown> {
  return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
}
