import { DomainError } from '@nestjs-kafka-sync/http-kit';

/** The Kafka consumer has not joined its group yet (the app is starting, or kafkajs is restarting it). */
export class ConsumerNotStarted extends DomainError {
  readonly kind = 'conflict';

  constructor(detail: string) {
    super(`the Kafka consumer is not running yet, try again in a moment (${detail})`);
  }
}

/** No dead letter on the dead-letter topic has the ids asked for. */
export class DeadLettersNotFound extends DomainError {
  readonly kind = 'not-found';

  constructor(ids: string[]) {
    super(`no dead letter ${ids.join(', ')} on the dead-letter topic (ids are partition@offset, as listed)`, {
      facts: { ids },
    });
  }
}
