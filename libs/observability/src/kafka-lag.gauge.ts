import { Logger, type InjectionToken } from '@nestjs/common';
import { consumerGroupLag, KafkaClients } from '@nestjs-kafka-sync/kafka-kit';
import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import type { Gauge } from 'prom-client';

export interface LagTarget {
  topic: string;
  groupId: string;
}

const logger = new Logger('KafkaLagGauge');

/**
 * `kafka_consumergroup_lag{topic,partition,group}`: records each partition's group has not committed,
 * read from the brokers on every scrape (as /sync/status does). While Kafka is unreachable the
 * gauge has no samples (alert on `absent(...)`) and a warning is logged now and then.
 * `targets` is injected with `inject`, e.g. from the app's kafka and sync config namespaces.
 */
export function kafkaLagGaugeProvider<D extends unknown[]>(
  inject: InjectionToken[],
  targets: (...deps: D) => LagTarget[],
) {
  let errors = 0;
  return makeGaugeProvider({
    name: 'kafka_consumergroup_lag',
    help: 'Records of a partition its consumer group has not committed yet (read from the brokers on scrape)',
    labelNames: ['topic', 'partition', 'group'],
    inject: [KafkaClients, ...inject],
    async collect(this: Gauge, clients: KafkaClients, ...deps: D) {
      this.reset();
      // A fresh admin per scrape (as /sync/status), failing fast so a scrape answers while Kafka is
      // down; one kept open would hold the process up after SIGTERM.
      const admin = clients.client('metrics', { connectionTimeout: 2000, retry: { retries: 0 } }).admin();
      try {
        await admin.connect();
        // Loads the cluster's metadata first: without it kafkajs 2.2.4 cannot find a group's
        // coordinator and fetchOffsets fails with "No brokers in the broker pool" (/sync/status does the same).
        await admin.listTopics();
        for (const { topic, groupId } of targets(...deps)) {
          const lag = await consumerGroupLag(admin, topic, groupId);
          for (const p of lag.partitions) this.set({ topic, partition: String(p.partition), group: groupId }, p.lag);
        }
      } catch (error) {
        errors += 1;
        if (errors === 1 || errors % 100 === 0)
          logger.warn(`consumer lag not readable (${errors} failed scrapes): ${(error as Error).message}`);
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    },
  });
}
