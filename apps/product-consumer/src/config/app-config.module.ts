import { ConfigModule } from '@nestjs/config';
import { KafkaModule } from '@nestjs-kafka-sync/kafka-kit';
import { validateEnv } from './env.schema.js';
import { batchConfig } from './batch.config.js';
import { databaseConfig } from './database.config.js';
import { kafkaConfig } from './kafka.config.js';
import { serverConfig } from './server.config.js';
import { transientRetryConfig } from './transient-retry.config.js';

/** The validated environment, as typed `registerAs` namespaces: boot fails naming every bad variable. */
export const AppConfigModule = ConfigModule.forRoot({
  isGlobal: true,
  validate: validateEnv,
  load: [serverConfig, databaseConfig, kafkaConfig, transientRetryConfig, batchConfig],
});

/** Kafka clients made from the validated `kafka` namespace. */
export const AppKafkaModule = KafkaModule.forRootAsync(kafkaConfig.asProvider());
