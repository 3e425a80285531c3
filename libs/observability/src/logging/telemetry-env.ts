import { z } from 'zod';

/** What every app's env schema spreads in: how much it logs and in which form, and where its spans go. */
/** Compose passes an unset variable as ''; that means "none" here too. */
const optionalUrl = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.url({ protocol: /^https?$/ }).optional(),
);

export const telemetryEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** JSON lines for machines (the default, and what containers and CI keep); `pretty` for a terminal (npm start). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  /**
   * OpenTelemetry's own variables: set either and spans are exported over OTLP/HTTP (e.g.
   * http://localhost:4318); unset, trace context is still carried and logged, and nothing is sent.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalUrl,
};

export type LogLevel = z.infer<typeof telemetryEnv.LOG_LEVEL>;
export type LogFormat = z.infer<typeof telemetryEnv.LOG_FORMAT>;
