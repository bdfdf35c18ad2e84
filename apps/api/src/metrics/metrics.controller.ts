import { Controller, Get, Header, Headers, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError, AppErrorCode } from '../common/app-error';
import type { Env } from '../config/env';
import { Public } from '../http/principal';
import { Metrics } from './metrics';

/**
 * `GET /metrics` (outside `/api`, where Prometheus looks): the Prometheus text format, for the bearer of
 * `METRICS_TOKEN`. Without the variable the route does not exist (404): metrics name providers and volumes.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | null;

  constructor(
    private readonly metrics: Metrics,
    config: ConfigService<Env, true>,
  ) {
    const token = config.get('METRICS_TOKEN', { infer: true });
    this.token = token ? digest(token) : null;
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() response: Response) {
    if (!this.token) throw AppError.notFound('No metrics here: set METRICS_TOKEN to publish them');
    const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!presented || !timingSafeEqual(digest(presented), this.token)) {
      throw new AppError(AppErrorCode.Unauthorized, 'Authorization: Bearer <METRICS_TOKEN> is required');
    }
    response.type(this.metrics.contentType).send(await this.metrics.text());
  }
}

/** Both sides hashed to one length, so that the comparison takes the same time whatever was presented. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
