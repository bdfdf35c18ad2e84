import { Global, Module } from '@nestjs/common';
import { LiveEventsService } from './live-events.service';

/** Live events (api.md): global, so every module can announce state changes. */
@Global()
@Module({ providers: [LiveEventsService], exports: [LiveEventsService] })
export class LiveModule {}
