import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';
import type { Env } from '../config/env';

/** The one mongoose connection of the API; feature modules add their collections with forFeature. */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env, true>) => ({
        uri: config.get('MONGODB_URI', { infer: true }),
        dbName: config.get('MONGODB_DB_NAME', { infer: true }),
        serverSelectionTimeoutMS: 5_000,
        // waitForDatabase already retried at boot; a failure here is a real error.
        retryAttempts: 0,
      }),
    }),
  ],
})
export class DatabaseModule {}
