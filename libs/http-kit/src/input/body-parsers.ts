import { UnsupportedMediaTypeException, type INestApplication } from '@nestjs/common';
import type {
  NestExpressApplication,
  NestExpressBodyParserOptions,
  NestExpressBodyParserOptionsFor,
} from '@nestjs/platform-express';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { invalidField } from '../invalid-input.js';
import { INPUT_LIMITS } from './input-limits.js';
import { foreignJsonCharset } from './json-charset.js';
import { jsonDepthExceeds } from './json-depth.js';

const tooDeep = () =>
  invalidField('body', `must not nest objects or arrays more than ${INPUT_LIMITS.maxJsonDepth} deep`);

/** body-parser's `verify` hook, which Nest's narrowed option types leave out (it uses it for rawBody, off here). */
const refuseDeepJson = (_req: unknown, _res: unknown, raw: Buffer): void => {
  // body-parser hands what verify throws to the error handler: the project's filter answers it.
  if (jsonDepthExceeds(raw, INPUT_LIMITS.maxJsonDepth)) throw tooDeep();
};

const jsonOptions: NestExpressBodyParserOptions = { limit: INPUT_LIMITS.maxBodyBytes, verify: refuseDeepJson };
const formOptions: NestExpressBodyParserOptions = {
  extended: true,
  limit: INPUT_LIMITS.maxBodyBytes,
  depth: 4,
  parameterLimit: 100,
};

/** Express: body-parser with the project's limits, registered before Nest would register its defaults. */
function useExpressParsers(app: NestExpressApplication): void {
  app.useBodyParser('json', jsonOptions as NestExpressBodyParserOptionsFor<'json'>);
  app.useBodyParser('urlencoded', formOptions as NestExpressBodyParserOptionsFor<'urlencoded'>);
}

/**
 * Fastify: its own JSON parser (which refuses `__proto__` keys) once the charset and depth are checked. The size
 * limit is the adapter's bodyLimit (fastifyAdapter); forms get Nest's default parser; other types are Fastify's 415.
 */
function useFastifyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser<RawServerDefault>('application/json', {}, (request, body, done) => {
    const charset = foreignJsonCharset(request.headers['content-type']);
    if (charset !== undefined) done(new UnsupportedMediaTypeException(`unsupported charset "${charset}"`), undefined);
    // As body-parser: no body is an empty object (clients send the header on a DELETE too), which routes then judge.
    else if (body.length === 0) done(null, {});
    else if (jsonDepthExceeds(body, INPUT_LIMITS.maxJsonDepth)) done(tooDeep(), undefined);
    else parseJson(request, body.toString('utf8'), done);
  });
}

/**
 * Registers the JSON (and on Express, form) parsers with the project's limits. A body over the size limit is a 413
 * before it is read to the end; JSON nested too deep is refused before it is parsed.
 */
export function useBoundedBodyParsers(app: INestApplication): void {
  if (app.getHttpAdapter().getType() === 'fastify') useFastifyParsers(app as NestFastifyApplication);
  else useExpressParsers(app as NestExpressApplication);
}
