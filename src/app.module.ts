import { DynamicModule, Module, Type } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ProcessRole } from './config/env.validation';
import { DashboardModule } from './dashboard/dashboard.module';
import { DatabaseModule } from './database/database.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthModule } from './health/health.module';
import { QueuesModule } from './queues/queues.module';
import { WorkerModule } from './worker.module';
import { DOMAIN_MODULES } from './domain-modules';

/**
 * One codebase, three roles: `api` serves HTTP/GraphQL, `worker` runs queue processors, `all` both.
 * Domain modules are shared; only the HTTP layer and the processors depend on the role.
 */
@Module({})
export class AppModule {
  static forRole(config: AppConfig): DynamicModule {
    const serveHttp = config.role !== ProcessRole.WORKER;
    const runWorkers = config.role !== ProcessRole.API;
    const imports: Array<Type | DynamicModule> = [
      AppConfigModule.forRoot(config),
      DatabaseModule,
      QueuesModule,
      AuthModule,
      HealthModule,
      ...DOMAIN_MODULES,
    ];
    if (serveHttp) imports.push(GraphqlApiModule, DashboardModule);
    if (runWorkers) imports.push(WorkerModule);
    return { module: AppModule, imports };
  }
}
