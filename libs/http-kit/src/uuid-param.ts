import { Param, ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from './invalid-input.js';

/** A route parameter that must be a UUID; anything else is a 400 naming it. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'must be a UUID') }));
