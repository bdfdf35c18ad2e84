import { Global, Module } from '@nestjs/common';
import { LiveEventRepository } from './live-event.repository';
import { LiveEventsService } from './live-events.service';
import { LiveGateway } from './live.gateway';
import { LiveRelayService } from './live-relay.service';

/**
 * Live events (api.md): global, so every module can announce state changes; the gateway hands them to the
 * clinic's sockets and the relay carries them between API processes.
 */
@Global()
@Module({
  providers: [LiveEventsService, LiveEventRepository, LiveRelayService, LiveGateway],
  exports: [LiveEventsService],
})
export class LiveModule {}
