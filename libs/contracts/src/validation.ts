import type { z } from 'zod';
import { productEventSchema, type ProductEvent } from './product-event.js';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One line per problem, "path: message", so a log line or a dead-letter header explains itself. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates an already JSON-parsed value against the envelope schema. */
export function validateProductEvent(value: unknown): ValidationResult<ProductEvent> {
  const parsed = productEventSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
