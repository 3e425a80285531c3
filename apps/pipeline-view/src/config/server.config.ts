import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const serverConfig = registerAs('server', () => {
  const env = validateEnv(process.env);
  return { port: env.PIPELINE_VIEW_PORT, host: env.PIPELINE_VIEW_HOST };
});
