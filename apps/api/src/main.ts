import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { InvalidEnvError, loadEnv } from './config/env';
import { DatabaseUnreachableError, waitForDatabase } from './database/wait-for-database';
import { configureHttp } from './http/configure-http';
import { Draining } from './modules/health/draining';

async function bootstrap() {
  const env = loadEnv();
  await waitForDatabase(env.MONGODB_URI, env.DATABASE_CONNECT_TIMEOUT_SECONDS, (message) =>
    console.warn(message),
  );
  const app = await NestFactory.create(AppModule.forRoot(env), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Readiness says "stopping" from the signal on (registered before Nest's own listeners, which close the app).
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => app.get(Draining).begin());
  // SIGTERM/SIGINT close the app: the engine finishes its tick and providers unbind (SMPP) before exit.
  app.enableShutdownHooks();
  stopWithLauncher();
  configureHttp(app);
  try {
    await app.listen(env.PORT, env.HOST);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await app.close();
      throw new Error(
        `Port ${env.PORT} is already in use: stop what runs there or set PORT to another port.`,
        { cause: error },
      );
    }
    throw error;
  }
  app.get(Logger).log(`clinicflow API listening on port ${env.PORT}`);
}

/**
 * Started by `npm start` (scripts/start.mjs) with an IPC channel: when the launcher is gone, however it went
 * (SIGKILL included), the channel closes and the API stops as on SIGTERM (it drains first).
 */
function stopWithLauncher(): void {
  if (!process.channel) return;
  process.channel.unref();
  if (process.connected) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  else process.kill(process.pid, 'SIGTERM');
}

bootstrap().catch((error: unknown) => {
  const known = error instanceof InvalidEnvError || error instanceof DatabaseUnreachableError;
  console.error(known || !(error instanceof Error) ? String((error as Error).message ?? error) : error.stack);
  process.exit(1);
});
