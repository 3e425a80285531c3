import type { INestApplication } from '@nestjs/common';
import type {
  NestExpressApplication,
  NestExpressBodyParserOptions,
  NestExpressBodyParserOptionsFor,
} from '@nestjs/platform-express';
import { invalidField } from '../invalid-input.js';
import { INPUT_LIMITS } from './input-limits.js';
import { jsonDepthExceeds } from './json-depth.js';

/** body-parser's `verify` hook, which Nest's narrowed option types leave out (it uses it for rawBody, off here). */
const refuseDeepJson = (_req: unknown, _res: unknown, raw: Buffer): void => {
  // body-parser hands what verify throws to the error handler: the project's filter answers it.
  if (jsonDepthExceeds(raw, INPUT_LIMITS.maxJsonDepth)) {
    throw invalidField('body', `must not nest objects or arrays more than ${INPUT_LIMITS.maxJsonDepth} deep`);
  }
};

const jsonOptions: NestExpressBodyParserOptions = { limit: INPUT_LIMITS.maxBodyBytes, verify: refuseDeepJson };
const formOptions: NestExpressBodyParserOptions = {
  extended: true,
  limit: INPUT_LIMITS.maxBodyBytes,
  depth: 4,
  parameterLimit: 100,
};

/**
 * Registers the JSON and form parsers with the project's limits, before Nest would register its
 * defaults (it skips a parser an app already registered). A body over the size limit is a 413
 * before it is read to the end; JSON nested too deep is refused before it is parsed.
 */
export function useBoundedBodyParsers(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', jsonOptions as NestExpressBodyParserOptionsFor<'json'>);
  express.useBodyParser('urlencoded', formOptions as NestExpressBodyParserOptionsFor<'urlencoded'>);
}
