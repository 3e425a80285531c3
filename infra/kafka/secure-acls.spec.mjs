import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { aclEntries, secureGrants } from './secure-acls.mjs';

/** @param {string} user @param {string} operation */
const topicsWith = (user, operation) =>
  secureGrants()
    .filter((g) => g.user === user && g.resource === 'TOPIC' && g.operations.includes(operation))
    .map((g) => g.name)
    .sort();

describe('secureGrants', () => {
  it('lets only product-producer write product.events', () => {
    const writers = secureGrants().filter((g) => g.name === 'product.events' && g.operations.includes('WRITE'));
    expect(writers.map((g) => g.user)).toEqual(['product-producer']);
  });

  it('gives each app the topics issue #11 names, and no more', () => {
    expect(topicsWith('product-producer', 'WRITE')).toEqual(['product.events']);
    expect(topicsWith('product-consumer', 'WRITE')).toEqual(['product.events.dlq', 'product.sync-acks']);
    expect(topicsWith('product-consumer', 'READ')).toEqual(['product.events', 'product.events.dlq']);
    expect(topicsWith('api-service', 'READ')).toEqual(['product.sync-acks']);
    expect(topicsWith('api-service', 'WRITE')).toEqual([]);
  });

  it('scopes groups to the configured group ids, as prefixes', () => {
    const groups = secureGrants({ catalogGroup: 'cat-x', syncAcksGroup: 'acks-x' }).filter(
      (g) => g.resource === 'GROUP',
    );
    expect(groups.every((g) => g.prefixed)).toBe(true);
    expect(groups.filter((g) => g.user === 'api-service' && g.operations.includes('READ')).map((g) => g.name)).toEqual([
      'acks-x',
    ]);
  });
});

describe('aclEntries', () => {
  it('makes one ALLOW entry per operation, literal topics and prefixed groups', () => {
    const entries = aclEntries(
      [{ user: 'u', resource: 'GROUP', name: 'g', prefixed: true, operations: ['READ', 'DELETE'] }],
      kafkajs,
    );
    expect(entries).toEqual([
      expect.objectContaining({
        principal: 'User:u',
        operation: kafkajs.AclOperationTypes.READ,
        resourcePatternType: kafkajs.ResourcePatternTypes.PREFIXED,
      }),
      expect.objectContaining({
        operation: kafkajs.AclOperationTypes.DELETE,
        permissionType: kafkajs.AclPermissionTypes.ALLOW,
      }),
    ]);
  });
});
