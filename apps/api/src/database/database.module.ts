import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Db, MongoClient } from 'mongodb';
import type { Env } from '../config/env';
import { reconnectWhenStuck } from './stuck-monitor';

/** How to stop each client's watch (`reconnectWhenStuck`), for the module's shutdown. */
const stopWatching = new WeakMap<MongoClient, () => Promise<void>>();

/**
 * The one connection of the API: the MongoDB driver's own client and its `Db`, which repositories receive.
 * Mongoose is not used: every collection is read and written with the driver (its schemas, hooks and models
 * would only sit between the repositories and the database).
 */
@Global()
@Module({
  providers: [
    {
      provide: MongoClient,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<Env, true>) => {
        const client = new MongoClient(config.get('MONGODB_URI', { infer: true }), {
          serverSelectionTimeoutMS: 5_000,
        });
        // main.ts waited for the database already: a failure here is a real error.
        await client.connect();
        stopWatching.set(client, reconnectWhenStuck(client));
        return client;
      },
    },
    {
      provide: Db,
      inject: [MongoClient, ConfigService],
      useFactory: (client: MongoClient, config: ConfigService<Env, true>) =>
        client.db(config.get('MONGODB_DB_NAME', { infer: true })),
    },
  ],
  exports: [Db],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(MongoClient) private readonly client: MongoClient) {}

  /** After every module's own shutdown (the engine finishes its tick first). */
  async onApplicationShutdown() {
    await stopWatching.get(this.client)?.();
    await this.client.close();
  }
}
