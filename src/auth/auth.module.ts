import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeysService } from './api-keys.service';
import { ApiRateLimitGuard } from './api-rate-limit.guard';
import { AuthResolver } from './auth.resolver';

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: Math.max(1, config.rateLimitPerMinute) }],
        skipIf: () => config.rateLimitPerMinute === 0,
      }),
    }),
  ],
  // Guard order matters: global guards run in registration order, and the rate limit counts per
  // authenticated key, so ApiKeyGuard comes first.
  providers: [
    ApiKeysService,
    AuthResolver,
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ApiRateLimitGuard },
  ],
  exports: [ApiKeysService],
})
export class AuthModule {}
