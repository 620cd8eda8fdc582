import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueDepthService } from '../queues/queue-depth.service';
import { HealthController } from './health.controller';
import { HealthResolver } from './health.resolver';
import { HealthService } from './health.service';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [HealthService, HealthResolver, QueueDepthService],
})
export class HealthModule {}
