import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * For Kafka message handlers: lets an error reach kafkajs as it was thrown. Nest's default filter
 * turns every error into `{ status: 'error', message: 'Internal server error' }`, which hides the
 * error types kafkajs acts on: a rebalance or a moved group coordinator makes it rejoin the group
 * at once; anything else it logs (with the stack) and retries.
 */
@Catch()
export class RethrowToKafkajs implements RpcExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
