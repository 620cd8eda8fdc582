import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { formatGraphqlError } from './graphql-error.formatter';
import { GraphiqlController } from './graphiql.controller';
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
        validationRules: [queryLimitsRule()],
        // One operation per HTTP request: JSON-array batches are refused (Apollo's default, stated here).
        allowBatchedHttpRequests: false,
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
      }),
    }),
  ],
  controllers: [GraphiqlController],
})
export class GraphqlApiModule {}
