/**
 * The credentials in an Authorization header: undefined when there is none, 'malformed' when it is
 * not `Bearer <token>` (RFC 6750's scheme is case-insensitive; the token is one b64token).
 */
export function bearerToken(header: string | string[] | undefined): string | undefined | 'malformed' {
  if (header === undefined || header === '') return undefined;
  if (Array.isArray(header)) return 'malformed';
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1] ?? 'malformed';
}
