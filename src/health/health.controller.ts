import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

/** Terminus-shaped /health (200 when up, 503 when database or Redis is down) for load balancers and compose. */
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly terminus: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly health: HealthService,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    const report = await this.health.check();
    const { database, redis, queues, tfBackend, workers, version, role } = report;
    return this.terminus.check([
      () => {
        const indicator = this.indicators.check('database');
        return database === 'up' ? indicator.up({ latencyMs: report.databaseLatencyMs, rowLevelSecurity: report.rowLevelSecurity }) : indicator.down({ message: database });
      },
      () => {
        const indicator = this.indicators.check('redis');
        return redis === 'up' ? indicator.up({ latencyMs: report.redisLatencyMs }) : indicator.down({ message: redis });
      },
      () => this.indicators.check('queues').up({ depths: queues }),
      () => this.indicators.check('tensorflow').up({ backend: tfBackend, workers }),
      () => this.indicators.check('app').up({ version, role }),
    ]);
  }
}
