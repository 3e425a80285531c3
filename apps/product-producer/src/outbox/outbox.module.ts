import { Module } from '@nestjs/common';
import { ProductEventPublisher } from '../kafka/product-event.publisher.js';
import { ProductEventsByteLimit } from '../kafka/product-events-byte-limit.js';
import { OutboxNotifications } from './outbox-notifications.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { OutboxRetentionService } from './outbox-retention.service.js';
import { OutboxStore } from './outbox.store.js';

@Module({
  providers: [
    OutboxStore,
    OutboxNotifications,
    OutboxRelayService,
    OutboxRetentionService,
    ProductEventPublisher,
    ProductEventsByteLimit,
  ],
  exports: [OutboxRelayService, OutboxStore],
})
export class OutboxModule {}
