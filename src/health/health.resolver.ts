import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/auth.decorators';
import { HealthModel } from './health.model';
import { HealthService } from './health.service';

@Resolver(() => HealthModel)
export class HealthResolver {
  constructor(private readonly healthService: HealthService) {}

  @Public()
  @Query(() => HealthModel, { description: 'Database, Redis, queue depths, TensorFlow.js backend and version.' })
  health(): Promise<HealthModel> {
    return this.healthService.check();
  }
}
