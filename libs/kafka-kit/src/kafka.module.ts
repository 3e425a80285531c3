import { Global, Module, type DynamicModule, type FactoryProvider, type ModuleMetadata } from '@nestjs/common';
import { KAFKA_SETTINGS, KafkaClients } from './kafka-clients.js';
import type { KafkaSettings } from './kafka-settings.js';

export interface KafkaModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => KafkaSettings | Promise<KafkaSettings>;
}

/**
 * Provides KafkaClients (and KAFKA_SETTINGS) to the whole app, from its validated config, e.g.
 * `KafkaModule.forRootAsync(kafkaConfig.asProvider())` with a `registerAs('kafka', …)` namespace.
 */
@Global()
@Module({})
export class KafkaModule {
  static forRootAsync(options: KafkaModuleAsyncOptions): DynamicModule {
    return {
      module: KafkaModule,
      imports: options.imports ?? [],
      providers: [
        { provide: KAFKA_SETTINGS, inject: options.inject ?? [], useFactory: options.useFactory },
        KafkaClients,
      ],
      exports: [KAFKA_SETTINGS, KafkaClients],
    };
  }
}
