import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Env } from '../../config/env';
import { Public } from '../../http/principal';
import { DatabaseHealthIndicator } from './database-health.indicator';
import { Draining } from './draining';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly stopping: Draining,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and database state: 200 when the database answers, 503 otherwise.' })
  check() {
    return this.health.check([() => this.database.ping('database', 1_500)]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness (docs/production.md): 200 when the database answers and the process is not stopping; 503 while it drains after SIGTERM, so that a load balancer sends it nothing more. `process.role` says what it runs.',
  })
  ready() {
    return this.health.check([
      () => this.database.ping('database', 1_500),
      () => {
        const process = this.indicators.check('process');
        const role = this.config.get('CLINICFLOW_ROLE', { infer: true });
        return this.stopping.draining
          ? process.down({ role, message: 'stopping: finishing what it holds' })
          : process.up({ role });
      },
    ]);
  }
}
