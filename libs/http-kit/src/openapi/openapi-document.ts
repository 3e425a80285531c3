import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeContract } from './contract.js';

export interface HttpAppDescription {
  title: string;
  description: string;
  /** Each tag the app's controllers use, with what it groups. */
  tags?: Record<string, string>;
  /** Whether HttpSecurityModule's key guard protects the routes (pipeline-view has none of its own). */
  apiKeys?: boolean;
}

const SECURITY_SCHEME = 'api-key';

/**
 * The app's OpenAPI document as clients generate from it: Nest's document from the controllers'
 * decorators, completed by completeContract (security per route, the edge's errors, the error
 * body, servers). `npm test` lints it and drives a client generated from it (libs/api-client).
 */
export function openApiDocument(
  app: INestApplication,
  { title, description, tags = {}, apiKeys = true }: HttpAppDescription,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(title)
    .setDescription(description)
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT');
  if (apiKeys)
    builder.addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        description:
          'An API key (`Authorization: Bearer <key>`). Scopes: `products:write` (POST/PUT/PATCH/DELETE /products…), `admin` (everything operational: reconciliation, sync status, consumer control). Reads are open unless READS_NEED_KEY=true; each operation says what it needs (`x-required-scope`).',
      },
      SECURITY_SCHEME,
    );
  for (const [name, text] of Object.entries(tags)) builder.addTag(name, text);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return completeContract(document, { securityScheme: apiKeys ? SECURITY_SCHEME : undefined });
}
