import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const serverConfig = registerAs('server', () => {
  const env = validateEnv(process.env);
  return { port: env.API_SERVICE_PORT, host: env.HOST };
});
