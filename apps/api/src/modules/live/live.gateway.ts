import { OnModuleDestroy } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import { LiveEventsService } from './live-events.service';

/** The room of one clinic: a socket only ever joins its own user's clinic. */
export function clinicRoom(clinicId: string): string {
  return `clinic:${clinicId}`;
}

/**
 * The socket.io side of api.md's live events: namespace `/live` at path `/socket.io`, authenticated with
 * the user's access token (`auth: { token }`). A socket without a valid token is refused during the
 * handshake (the client gets `connect_error` with the reason); an accepted one joins its clinic's room and
 * receives `delivery.updated` and `run.updated` of that clinic only, whichever API process raised them.
 */
@WebSocketGateway({ namespace: '/live', path: '/socket.io', cors: { origin: true, credentials: true } })
export class LiveGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private namespace!: Namespace;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveEventsService,
  ) {}

  afterInit(namespace: Namespace) {
    namespace.use((socket, next) => {
      void this.authenticate(socket).then(
        (clinicId) => {
          if (!clinicId) return next(new Error('Unauthorized: auth.token must be a valid access token'));
          void socket.join(clinicRoom(clinicId));
          next();
        },
        () => next(new Error('Unauthorized')),
      );
    });
    this.unsubscribe = this.live.subscribeAll((event) =>
      this.namespace.to(clinicRoom(event.clinicId)).emit(event.name, event.payload),
    );
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  private async authenticate(socket: Socket): Promise<string | null> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) return null;
    const principal = await this.auth.verify(token);
    return principal?.kind === 'user' ? principal.clinicId : null;
  }
}
