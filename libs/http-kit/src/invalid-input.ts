import { DomainError, type FieldError } from './domain-error.js';

/** The request breaks rules the caller can fix; the message names each field and why. */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid';

  constructor(fields: FieldError[]) {
    super(fields.map((e) => `${e.field}: ${e.reason}`).join('; '), { fields });
  }
}

/** An InvalidInput about one field. */
export function invalidField(field: string, reason: string): InvalidInput {
  return new InvalidInput([{ field, reason }]);
}
