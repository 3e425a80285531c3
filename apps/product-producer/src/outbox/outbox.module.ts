import { Module } from '@nestjs/common';
import { ProductEventPublisher } from '../kafka/product-event.publisher.js';
import { OutboxNotifications } from './outbox-notifications.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { OutboxRetention } from './outbox-retention.service.js';
import { OutboxStore } from './outbox.store.js';

@Module({
  providers: [OutboxStore, OutboxNotifications, OutboxRelay, OutboxRetention, ProductEventPublisher],
  exports: [OutboxRelay, OutboxStore],
})
export class OutboxModule {}
