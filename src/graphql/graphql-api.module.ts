import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { formatGraphqlError } from './graphql-error.formatter';
import { GraphiqlController } from './graphiql.controller';

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
        context: ({ req, res }: { req: unknown; res: unknown }) => ({ req, res }),
      }),
    }),
  ],
  controllers: [GraphiqlController],
})
export class GraphqlApiModule {}
