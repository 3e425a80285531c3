import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { InvalidInput } from '../invalid-input.js';
import { findInputProblems } from './text-validity.js';

/**
 * Runs before ValidationPipe on every body, query and path parameter of both apps: a string
 * PostgreSQL cannot store (NUL, lone surrogates) or a number JSON turned into Infinity is a 400
 * naming the field, whatever the route and whether or not the field is known.
 */
@Injectable()
export class InputValidityPipe implements PipeTransform {
  transform(value: unknown, { type, data }: ArgumentMetadata): unknown {
    if (type === 'custom') return value;
    const problems = findInputProblems(value, data ?? '');
    if (problems.length > 0) throw new InvalidInput(problems);
    return value;
  }
}
