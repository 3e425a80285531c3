import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { deadLetterId, DeadLetterTool } from '../dead-letters/dead-letter-tool.js';
import { ConsumerControl, type ConsumerState } from './consumer-control.js';
import { DeadLettersNotFound } from './control.errors.js';
import { ConsumerStateResponse, ReplayedDeadLettersResponse } from './dto/control.responses.js';
import { ReplayDeadLettersDto } from './dto/replay-dead-letters.dto.js';

/**
 * Operator controls over HTTP, for lessons and the pipeline view: pause and resume consumption,
 * replay dead letters (what `npm run dlq -- replay --ids` does). Admin actions: once API keys
 * exist they need the admin scope.
 */
@ApiTags('control')
@Controller('control')
export class ControlController {
  constructor(
    private readonly consumer: ConsumerControl,
    private readonly deadLetters: DeadLetterTool,
  ) {}

  @Get('consumer')
  @ApiOperation({ summary: 'Whether product.events is being consumed or paused.' })
  @ApiOkResponse({ type: ConsumerStateResponse, description: "The consumer's state now." })
  state(): ConsumerState {
    return this.consumer.state();
  }

  @Post('consumer/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop fetching product.events; the consumer stays in its group, so the lag grows.' })
  @ApiOkResponse({ type: ConsumerStateResponse, description: "The consumer's state now." })
  @ApiConflictResponse({ description: 'The consumer has not started yet.' })
  pause(): ConsumerState {
    return this.consumer.pause();
  }

  @Post('consumer/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Fetch product.events again, from the committed offsets.' })
  @ApiOkResponse({ type: ConsumerStateResponse, description: "The consumer's state now." })
  @ApiConflictResponse({ description: 'The consumer has not started yet.' })
  resume(): ConsumerState {
    return this.consumer.resume();
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send dead letters back to product.events, by partition@offset.' })
  @ApiOkResponse({ type: ReplayedDeadLettersResponse, description: 'What went back, and what could not.' })
  @ApiNotFoundResponse({ description: 'None of the ids is on the dead-letter topic.' })
  async replay(@Body() { ids }: ReplayDeadLettersDto): Promise<ReplayedDeadLettersResponse> {
    const report = await this.deadLetters.replay({ ids });
    if (report.replayed.length + report.keyless.length === 0) throw new DeadLettersNotFound(ids);
    return { replayed: report.replayed.map(deadLetterId), keyless: report.keyless.map(deadLetterId) };
  }
}
