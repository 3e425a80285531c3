import createClient, { type Client } from 'openapi-fetch';
import type { components as ApiServiceComponents, paths as ApiServicePaths } from './openapi-types/api-service.js';
import type {
  components as ProductConsumerComponents,
  paths as ProductConsumerPaths,
} from './openapi-types/product-consumer.js';

export type { ApiServicePaths, ProductConsumerPaths };
export type ApiServiceSchemas = ApiServiceComponents['schemas'];
export type ProductConsumerSchemas = ProductConsumerComponents['schemas'];
/** The one error shape both apps answer (http-kit's ErrorResponse). */
export type ErrorResponse = ApiServiceSchemas['ErrorResponse'];

export interface ClientOptions {
  /** Sent as `Authorization: Bearer <key>` on every request. */
  apiKey?: string;
}

const headersFor = ({ apiKey }: ClientOptions) => (apiKey ? { authorization: `Bearer ${apiKey}` } : undefined);

/** A client of api-service whose paths, parameters, bodies and answers are typed from its OpenAPI document. */
export function apiServiceClient(baseUrl: string, options: ClientOptions = {}): Client<ApiServicePaths> {
  return createClient<ApiServicePaths>({ baseUrl, headers: headersFor(options) });
}

/** The same for product-consumer. */
export function productConsumerClient(baseUrl: string, options: ClientOptions = {}): Client<ProductConsumerPaths> {
  return createClient<ProductConsumerPaths>({ baseUrl, headers: headersFor(options) });
}
