import { ConfigModule } from '@nestjs/config';
import { HttpSecurityModule } from '@nestjs-kafka-sync/http-kit';
import { KafkaModule } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';
import { databaseConfig } from './database.config.js';
import { eventsConfig } from './events.config.js';
import { kafkaConfig } from './kafka.config.js';
import { reconcileConfig } from './reconcile.config.js';
import { securityConfig } from './security.config.js';
import { serverConfig } from './server.config.js';
import { syncConfig } from './sync.config.js';

/** The validated environment, as typed `registerAs` namespaces: boot fails naming every bad variable. */
export const AppConfigModule = ConfigModule.forRoot({
  isGlobal: true,
  validate: validateEnv,
  load: [serverConfig, securityConfig, databaseConfig, kafkaConfig, syncConfig, reconcileConfig, eventsConfig],
});

/** Kafka clients made from the validated `kafka` namespace. */
export const AppKafkaModule = KafkaModule.forRootAsync(kafkaConfig.asProvider());

/** API keys and rate limits on every HTTP route, from the validated `security` namespace. */
export const AppSecurityModule = HttpSecurityModule.forRootAsync(securityConfig.asProvider());
