// Run by `kafka.sh start` in secured mode once the broker is up: the project's topics and the ACLs
// of secure-acls.mjs, as the admin super user. Idempotent (existing topics and ACLs stay as they are).
import { kafkaSecurityFromEnv } from '@nestjs-kafka-sync/kafka-kit';
import kafkajs from 'kafkajs';
import { ensureTopics } from '../topics.mjs';
import { aclEntries, secureGrants } from './secure-acls.mjs';
import { secureClientEnv } from './secure-client.mjs';

const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19492';
const security = kafkaSecurityFromEnv(secureClientEnv(process.env.KAFKA_SECRETS_DIR ?? '', 'admin'));

await ensureTopics(brokers, security);
const admin = new kafkajs.Kafka({
  clientId: 'nestjs-kafka-sync-secure-setup',
  brokers: brokers.split(','),
  logLevel: kafkajs.logLevel.WARN,
  ...security,
}).admin();
await admin.connect();
try {
  const groups = { catalogGroup: process.env.CATALOG_GROUP_ID, syncAcksGroup: process.env.SYNC_ACKS_GROUP_ID };
  const acl = aclEntries(secureGrants(groups), kafkajs);
  await admin.createAcls({ acl });
  console.error(`[secure-setup] ${acl.length} ACL entries in place`);
} finally {
  await admin.disconnect();
}
