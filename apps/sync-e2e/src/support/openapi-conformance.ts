import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
  components?: object;
}

/**
 * Checks answers against a live OpenAPI document: the status must be one the operation documents,
 * and the body must validate against the schema documented for it (JSON Schema, with OpenAPI
 * 3.0's `nullable`, which Ajv knows). What a client generated from the document expects is then
 * what it gets.
 */
export function conformance(document: Document) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ components: document.components }, 'document');
  const compiled = new Map<string, ValidateFunction>();

  return function problems(method: string, path: string, status: number, body: unknown): string[] {
    const operation = document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${path} answered ${status}, which the document does not list`];
    const schema = response.content?.['application/json']?.schema;
    if (!schema)
      return body === undefined ? [] : [`${method} ${path} ${status} has a body the document does not describe`];
    const key = `${method} ${path} ${status}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"document#/components/')));
      compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || 'body'} ${e.message}`);
  };
}
