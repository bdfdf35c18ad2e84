import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { getOptionsToken, getStorageToken } from '@nestjs/throttler';
import type { Env } from '../../config/env';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { SettingsModule } from '../settings/settings.module';
import { UsersModule } from '../users/users.module';
import { AccessGuard } from './access.guard';
import { ACCOUNT_THROTTLE, AccountThrottlerGuard, DatabaseThrottlerStorage } from './account-throttler.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLockoutService } from './login-lockout.service';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiterService } from './rate-limiter.service';

/** What the account routes' throttle guard (`AccountThrottlerGuard`) is made with, wherever it is used. */
const throttling = [
  { provide: getOptionsToken(), useValue: ACCOUNT_THROTTLE },
  { provide: getStorageToken(), useExisting: DatabaseThrottlerStorage },
];

@Global()
@Module({
  imports: [
    UsersModule,
    ApiKeysModule,
    SettingsModule,
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        secret: config.get('APP_SECRET', { infer: true }),
        signOptions: { expiresIn: '12h' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    RateLimitRepository,
    RateLimiterService,
    LoginLockoutService,
    DatabaseThrottlerStorage,
    AccountThrottlerGuard,
    ...throttling,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [AuthService, RateLimiterService, AccountThrottlerGuard, getOptionsToken(), getStorageToken()],
})
export class AuthModule {}
