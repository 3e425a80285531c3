/**
 * A URL fit for a log: its password replaced by `***` (the user stays: it says which role connects).
 * Whatever cannot be parsed is replaced whole, since it may be a URL with a password in it.
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** Every `scheme://user:password@` in a text (an error message, a log line) with its password replaced. */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@');
}
