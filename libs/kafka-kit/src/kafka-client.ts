import { Logger } from '@nestjs/common';
import { KafkaLogger } from '@nestjs/microservices';
import { Kafka, type KafkaConfig } from 'kafkajs';
import type { KafkaSettings } from './kafka-settings.js';

/** What a use may tune on its client: timeouts, retries, log level. Where and how to connect comes from the settings only. */
export type KafkaClientTuning = Pick<
  KafkaConfig,
  'connectionTimeout' | 'requestTimeout' | 'authenticationTimeout' | 'retry' | 'logLevel'
>;

/**
 * The kafkajs client configuration every client of the project is made from (Nest's consumer
 * transport too): the settings' brokers and security (TLS, SASL), a client id telling the use apart (`<clientId>-<purpose>`),
 * logs through Nest's logger.
 */
export function kafkaClientConfig(
  settings: KafkaSettings,
  purpose?: string,
  tuning: KafkaClientTuning = {},
): KafkaConfig {
  return {
    ...tuning,
    clientId: purpose ? `${settings.clientId}-${purpose}` : settings.clientId,
    brokers: settings.brokers,
    ...settings.security,
    logCreator: KafkaLogger.bind(null, new Logger('kafkajs')),
  };
}

/** A kafkajs client made from the settings (see kafkaClientConfig). */
export function createKafka(settings: KafkaSettings, purpose?: string, tuning?: KafkaClientTuning): Kafka {
  return new Kafka(kafkaClientConfig(settings, purpose, tuning));
}
