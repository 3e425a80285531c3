import type { INestApplicationContext } from '@nestjs/common';

/**
 * Nest's graceful shutdown on SIGTERM/SIGINT (and the other signals it knows), ending with `process.exit(0)`
 * instead of re-raising the signal. Logs go to stdout asynchronously (pino-params.ts), and pino flushes them on
 * 'exit', which a process ended by a signal never emits: re-raising lost the last lines of every shutdown.
 * Nest added `useProcessExit` for exactly this (async loggers such as pino).
 */
export function enableLoggedShutdown(app: INestApplicationContext): void {
  app.enableShutdownHooks([], { useProcessExit: true });
}
