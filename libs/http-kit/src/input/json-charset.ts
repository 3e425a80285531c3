/**
 * The charset a JSON body declares when it is not UTF-8 (RFC 8259 allows no other), else undefined. body-parser
 * refuses such a body with 415 on Express; Fastify would read it as UTF-8 whatever it says.
 */
export function foreignJsonCharset(contentType: string | undefined): string | undefined {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8' ? undefined : charset;
}
