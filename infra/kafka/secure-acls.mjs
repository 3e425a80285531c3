// Who may do what on the secured broker (infra/kafka/kafka.sh with KAFKA_SECURE=1): the ACLs
// secure-setup.mjs creates. With allow.everyone.if.no.acl.found=false, anything not listed is refused.
import { DEAD_LETTER_TOPIC, PRODUCT_EVENTS_TOPIC, SYNC_ACKS_TOPIC } from '@nestjs-kafka-sync/contracts';

/** @typedef {{ user: string, resource: 'TOPIC' | 'GROUP', name: string, prefixed?: boolean, operations: string[] }} Grant */

/**
 * The grants, per app user. Groups are prefixes: a consumer's live group (`product-catalog`, a
 * profile's `product-catalog-test`), the catalog rebuild's `<group>-rebuild-<time>` and the DLQ tool's
 * `product-consumer-dlq-reader-…` groups. DESCRIBE (metadata, offsets) never lets anyone read records.
 * @param {{ catalogGroup?: string, syncAcksGroup?: string }} [groups]
 * @returns {Grant[]}
 */
export function secureGrants({ catalogGroup = 'product-catalog', syncAcksGroup = 'api-service-sync-acks' } = {}) {
  return [
    // DESCRIBE_CONFIGS: the relay reads the topic's max.message.bytes, to split its sends under it.
    {
      user: 'product-producer',
      resource: 'TOPIC',
      name: PRODUCT_EVENTS_TOPIC,
      operations: ['WRITE', 'DESCRIBE', 'DESCRIBE_CONFIGS'],
    },
    { user: 'product-consumer', resource: 'TOPIC', name: PRODUCT_EVENTS_TOPIC, operations: ['READ', 'DESCRIBE'] },
    { user: 'product-consumer', resource: 'GROUP', name: catalogGroup, prefixed: true, operations: ['READ', 'DELETE'] },
    {
      user: 'product-consumer',
      resource: 'GROUP',
      name: 'product-consumer',
      prefixed: true,
      operations: ['READ', 'DELETE'],
    },
    { user: 'product-consumer', resource: 'TOPIC', name: SYNC_ACKS_TOPIC, operations: ['WRITE', 'DESCRIBE'] },
    // DESCRIBE_CONFIGS: the consumer reads the dead-letter topic's max.message.bytes, to cut a letter to fit.
    {
      user: 'product-consumer',
      resource: 'TOPIC',
      name: DEAD_LETTER_TOPIC,
      operations: ['WRITE', 'READ', 'DESCRIBE', 'DESCRIBE_CONFIGS'],
    },
    { user: 'api-service', resource: 'TOPIC', name: SYNC_ACKS_TOPIC, operations: ['READ', 'DESCRIBE'] },
    { user: 'api-service', resource: 'GROUP', name: syncAcksGroup, prefixed: true, operations: ['READ'] },
    // GET /sync/status reports product-consumer's lag: the group's offsets and the topic's ends, not its records.
    { user: 'api-service', resource: 'TOPIC', name: PRODUCT_EVENTS_TOPIC, operations: ['DESCRIBE'] },
    { user: 'api-service', resource: 'GROUP', name: catalogGroup, prefixed: true, operations: ['DESCRIBE'] },
  ];
}

/**
 * The grants as kafkajs admin.createAcls entries.
 * @param {Grant[]} grants
 * @param {typeof import('kafkajs')} kafkajs
 */
export function aclEntries(grants, { AclResourceTypes, AclOperationTypes, AclPermissionTypes, ResourcePatternTypes }) {
  return grants.flatMap((grant) =>
    grant.operations.map((operation) => ({
      resourceType: AclResourceTypes[grant.resource],
      resourceName: grant.name,
      resourcePatternType: grant.prefixed ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: `User:${grant.user}`,
      host: '*',
      operation: AclOperationTypes[/** @type {keyof typeof AclOperationTypes} */ (operation)],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}
