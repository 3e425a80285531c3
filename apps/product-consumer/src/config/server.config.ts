import { registerAs } from '@nestjs/config';
import { validateEnv } from './env.schema.js';

export const serverConfig = registerAs('server', () => ({ port: validateEnv(process.env).PRODUCT_CONSUMER_PORT }));
