import type { FieldError } from '../domain-error.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * Why a string cannot be stored, or null. PostgreSQL text cannot hold NUL (SQLSTATE 22021), and
 * jsonb (the outbox) refuses a lone UTF-16 surrogate, which JSON.stringify writes as `\ud800`.
 */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (no lone UTF-16 surrogates)';
  return null;
}

/** Why a number cannot be taken: JSON's 1e400 parses to Infinity. */
export function numberProblem(value: number): string | null {
  return Number.isFinite(value) ? null : 'is out of range (not a finite number)';
}

/** Every string (keys included) and number in a parsed input that cannot be taken, with its dotted path. */
export function findInputProblems(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return problemAt(path, textProblem(value));
  if (typeof value === 'number') return problemAt(path, numberProblem(value));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    // A key's path is echoed in the answer: make it printable first.
    const name = key.replace(LONE_SURROGATE_ALL, '\ufffd').replaceAll('\u0000', '\ufffd');
    const childPath = path ? `${path}.${name}` : name;
    return [...problemAt(childPath, textProblem(key)), ...findInputProblems(child, childPath)];
  });
}

function problemAt(field: string, reason: string | null): FieldError[] {
  return reason === null ? [] : [{ field: field || 'body', reason }];
}
