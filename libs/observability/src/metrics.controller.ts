import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PrometheusController } from '@willsoto/nestjs-prometheus';

/**
 * GET /metrics, Prometheus' text format. A Nest controller (not a bare Express handler), so global
 * guards and interceptors apply to it: an admin-key guard protects it like the other admin routes.
 * Left out of the OpenAPI document: it is for Prometheus, not for REST clients.
 */
@ApiExcludeController()
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  override async index(@Res({ passthrough: true }) response: unknown): Promise<string> {
    return super.index(response);
  }
}
