import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { defer, map, merge, of, type Observable } from 'rxjs';
import { LiveFeed } from '../feed/live-feed.service.js';
import { PipelineStatusService } from '../pipeline/pipeline-status.service.js';

/**
 * The page's live updates (server-sent events): `history` once on connecting, then `status` every
 * tick (counts and offsets) and `feed` batches of new events, acks and dead letters. Never table
 * rows: the page asks for the page of the table it shows (GET /api/products).
 */
@ApiTags('view')
@Controller('api/stream')
export class StreamController {
  constructor(
    private readonly status: PipelineStatusService,
    private readonly feed: LiveFeed,
  ) {}

  @Sse()
  @ApiOkResponse({ description: 'text/event-stream of history, status and feed events' })
  stream(): Observable<MessageEvent> {
    return merge(
      defer(() => of({ type: 'history', data: { items: this.feed.history() } })),
      this.status.status$.pipe(map((data) => ({ type: 'status', data }))),
      this.feed.batches$.pipe(map((data) => ({ type: 'feed', data }))),
    );
  }
}
