import { INestApplication, ValidationPipe } from '@nestjs/common';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { AppConfig } from './config/app-config';
import { graphiqlMiddleware } from './graphql/graphiql.controller';

/** Pipes, middleware and shutdown hooks shared by main.ts and the e2e bootstrap. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true }),
  );
  app.useGlobalFilters(new DomainExceptionFilter(app.getHttpAdapter()));
  if (config.env !== 'production') app.use('/graphql', graphiqlMiddleware);
  return app;
}
