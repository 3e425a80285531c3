// `node infra/kafka/replication.mjs <brokers>` prints "<replication factor> <min.insync.replicas>" for a
// cluster of that many brokers: kafka.sh sets its brokers' defaults and internal topics from it, so
// they follow the same rule (libs/contracts' replicationFor) as the project's topics.
import { clusterReplication } from '../topics.mjs';

const brokers = Number(process.argv[2]);
if (!Number.isInteger(brokers) || brokers < 1) throw new Error(`expected a broker count, got ${process.argv[2]}`);
const { replicationFactor, minInsyncReplicas } = clusterReplication(brokers);
console.log(`${replicationFactor} ${minInsyncReplicas}`);
