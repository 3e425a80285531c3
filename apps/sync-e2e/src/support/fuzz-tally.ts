import type { FuzzRequest, FuzzResponse } from './fuzz-request.js';

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** What a fuzz run saw: answers by status, and what the accepted writes must have left in the database. */
export class FuzzTally {
  readonly byStatus = new Map<number, number>();
  /** Answers of 500 or more, and answers that broke the error shape, for the failure message. */
  readonly failures: string[] = [];
  /** Accepted writes to /products: each one outbox row. */
  writes = 0;
  /** Products that exist because of this run: creates minus deletes. */
  products = 0;

  record(request: FuzzRequest, { status, body }: FuzzResponse): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const what = `${request.method} ${request.app}${request.path.slice(0, 120)} → ${status}`;
    if (status >= 500) this.failures.push(`${what}: ${JSON.stringify(body)?.slice(0, 300)}`);
    else if (status >= 400 && !isErrorShape(body, status))
      this.failures.push(`${what}: not the error shape: ${JSON.stringify(body)?.slice(0, 300)}`);
    if (status >= 200 && status < 300 && isProductWrite(request)) this.accepted(request.method);
    if (request.path === '/reconciliation/repair' && status === 200) this.writes += repairedCount(body);
  }

  private accepted(method: string): void {
    this.writes += 1;
    if (method === 'POST') this.products += 1;
    if (method === 'DELETE') this.products -= 1;
  }

  summary(): string {
    const counts = [...this.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
    const total = [...this.byStatus.values()].reduce((a, b) => a + b, 0);
    return `${total} requests (${counts.join(', ')}); ${this.writes} accepted writes, ${this.products} products`;
  }
}

/** The project's error shape: `{statusCode, error, message}` with the status it was answered with. */
export function isErrorShape(body: unknown, status: number): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { statusCode, error, message } = body as Record<string, unknown>;
  return statusCode === status && typeof error === 'string' && typeof message === 'string';
}

/** POST /products, or PATCH/PUT/DELETE /products/:id: each accepted one commits one outbox row. */
function isProductWrite({ app, method, path }: FuzzRequest): boolean {
  if (app !== 'api' || !WRITES.has(method)) return false;
  return method === 'POST' ? path === '/products' : path.startsWith('/products/');
}

function repairedCount(body: unknown): number {
  const repaired = (body as { repaired?: unknown } | undefined)?.repaired;
  return typeof repaired === 'number' ? repaired : 0;
}
