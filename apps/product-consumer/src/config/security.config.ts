import { registerAs } from '@nestjs/config';
import { httpSecuritySettings } from '@nestjs-kafka-sync/http-kit';
import { validateEnv } from './env.schema.js';

/** The HTTP edge: where to listen, API keys (hashes only), rate limits, CORS, /docs. */
export const securityConfig = registerAs('security', () => httpSecuritySettings(validateEnv(process.env)));
