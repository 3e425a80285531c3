import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Upstream, type UpstreamReply } from '../upstream/upstream.js';
import { BurstAction, CreateProductAction, PoisonAction, ReplayAction } from './dto/actions.dto.js';
import { PoisonSender } from './poison-sender.js';
import { ProductWrites } from './product-writes.js';

/**
 * The page's controls. Writes go through api-service, consumer control and replays through
 * product-consumer: each answer is theirs, passed on with its status.
 */
@ApiTags('controls')
@Controller('api/actions')
export class ActionsController {
  constructor(
    private readonly writes: ProductWrites,
    private readonly poisonSender: PoisonSender,
    private readonly upstream: Upstream,
  ) {}

  @Post('products')
  @ApiOperation({ summary: 'Create a product through api-service (POST /products)' })
  async create(@Body() action: CreateProductAction, @Res() res: Response): Promise<void> {
    pass(res, await this.writes.create(action));
  }

  @Post('burst')
  @ApiOperation({ summary: 'N writes at once through api-service: a few creates, then updates of them' })
  async burst(@Body() action: BurstAction, @Res() res: Response): Promise<void> {
    pass(res, { status: 200, body: await this.writes.burst(action.writes) });
  }

  @Post('poison')
  @ApiOperation({ summary: 'Write a record product-consumer cannot apply straight to product.events' })
  async poison(@Body() action: PoisonAction, @Res() res: Response): Promise<void> {
    const reply = await this.poisonSender.send(action.kind).then(
      (sent): UpstreamReply => ({ status: 201, body: sent }),
      (error: Error): UpstreamReply => ({
        status: 503,
        body: { statusCode: 503, error: 'Service Unavailable', message: `Kafka: ${error.message}` },
      }),
    );
    pass(res, reply);
  }

  @Post('consumer/pause')
  @ApiOperation({ summary: "Pause product-consumer's consumer (it stays in its group; lag grows)" })
  async pause(@Res() res: Response): Promise<void> {
    pass(res, await this.upstream.request('product-consumer', 'POST', '/control/consumer/pause'));
  }

  @Post('consumer/resume')
  @ApiOperation({ summary: "Resume product-consumer's consumer" })
  async resume(@Res() res: Response): Promise<void> {
    pass(res, await this.upstream.request('product-consumer', 'POST', '/control/consumer/resume'));
  }

  @Post('dead-letters/replay')
  @ApiOperation({ summary: 'Put one dead letter back on product.events (what `npm run dlq -- replay --ids` does)' })
  async replay(@Body() action: ReplayAction, @Res() res: Response): Promise<void> {
    const body = { ids: [action.id] };
    pass(res, await this.upstream.request('product-consumer', 'POST', '/control/dead-letters/replay', body, 30_000));
  }
}

function pass(res: Response, reply: UpstreamReply): void {
  res.status(reply.status).json(reply.body);
}
