import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { RequestIdMiddleware } from '../common/request-id.middleware';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { formatGraphqlError } from './graphql-error.formatter';
import { GraphiqlController } from './graphiql.controller';
import { inputStringLengthPlugin, inputStringLengthRule } from './input-limits';
import { queryLimitsRule } from './query-limits.rule';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        playground: false,
        introspection: config.env !== 'production',
        includeStacktraceInErrorResponses: false,
        formatError: formatGraphqlError,
        fieldResolverEnhancers: ['guards'],
        validationRules: [queryLimitsRule(), inputStringLengthRule],
        plugins: [inputStringLengthPlugin()],
        // One operation per HTTP request: JSON-array batches are refused (Apollo's default, stated here).
        allowBatchedHttpRequests: false,
        // Keep the status that errors carry in extensions.http (429 from the rate limit); Nest would reset it to 200.
        preserveHttpStatusForExecutionErrors: false,
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
      }),
    }),
  ],
  controllers: [GraphiqlController],
})
export class GraphqlApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestIdMiddleware).forRoutes('{*path}');
  }
}
