import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { appRoleConnectionOptions } from './row-level-security';
import { RowLevelSecurityService } from './row-level-security.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, {
          // The app's pool acts as the row-level-security role; migrations and seeds keep the owner's connection.
          extra: { max: config.databasePoolSize, connectionTimeoutMillis: 10_000, ...(await appRoleConnectionOptions(config.databaseUrl)) },
          // Migrations are the schema; the app role may not create extensions anyway.
          installExtensions: false,
        }),
        autoLoadEntities: true,
        // Fail fast at boot; the pre-flight check in main.ts has already proved the server answers.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [RowLevelSecurityService],
  exports: [RowLevelSecurityService],
})
export class DatabaseModule {}
