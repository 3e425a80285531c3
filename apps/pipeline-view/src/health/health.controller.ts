import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

/**
 * Up as soon as it serves the page. Deliberately not tied to the databases or Kafka: the view is
 * how a learner sees that one of them is down, so it must stay up when they are not.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  @Get()
  @ApiOkResponse({ description: 'The view is serving.' })
  check() {
    return { status: 'ok' };
  }
}
