import { OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { Env } from '../../config/env';
import { servesRequests } from '../../config/process-role';
import { AuthService } from '../auth/auth.service';
import { LiveEventsService } from './live-events.service';
import { liveOriginAllowed, type LiveOrigins } from './live-origins';

/** The room of one clinic: a socket only ever joins its own user's clinic. */
export function clinicRoom(clinicId: string): string {
  return `clinic:${clinicId}`;
}

/** The room of one user's sockets, to end that user's sessions. */
function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** How often the sockets' tokens are checked again, in case a relayed "session ended" was missed. */
const RECHECK_MS = 30_000;
/** setTimeout's longest delay; a token valid for longer is checked again by the recheck first. */
const MAX_TIMER_MS = 2_147_483_647;

/** What a socket keeps of its session. */
interface SocketSession {
  token: string;
  clinicId: string;
  userId: string;
  tokenVersion: number;
  expiry?: NodeJS.Timeout;
}

/**
 * The socket.io side of api.md's live events: namespace `/live` at path `/socket.io`, authenticated with
 * the user's access token (`auth: { token }`). A socket without a valid token, or opened by a page of another
 * site (`liveOriginAllowed`), is refused during the handshake (the client gets `connect_error` with the
 * reason); no CORS header is sent, so only the editor's own origin can poll. An accepted one joins its
 * clinic's room and receives `delivery.updated` and `run.updated` of that clinic only, whichever API process
 * raised them.
 *
 * Sessions end on sockets too (docs/accounts.md): a socket is closed when its token expires, when its user's
 * sessions end in any process (`session.ended`, carried by the relay: the socket gets `session.ended`, then is
 * disconnected), and its token is checked again on every event the client sends and every 30 seconds.
 */
@WebSocketGateway({ namespace: '/live', path: '/socket.io' })
export class LiveGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private namespace!: Namespace;
  private unsubscribe: (() => void) | undefined;
  private recheck: NodeJS.Timeout | undefined;
  private readonly origins: LiveOrigins;
  private readonly serves: boolean;

  constructor(
    private readonly auth: AuthService,
    private readonly live: LiveEventsService,
    config: ConfigService<Env, true>,
  ) {
    this.origins = {
      publicUrl: config.get('PUBLIC_URL', { infer: true }),
      nodeEnv: config.get('NODE_ENV', { infer: true }),
    };
    this.serves = servesRequests(config.get('CLINICFLOW_ROLE', { infer: true }));
  }

  afterInit(namespace: Namespace) {
    namespace.use((socket, next) => {
      if (!this.serves)
        return next(new Error('Not here: this process is a worker; live events come from a web process'));
      const { origin, host } = socket.handshake.headers;
      if (!liveOriginAllowed(origin, host, this.origins)) {
        return next(new Error('Forbidden: live events open only from the clinic’s own address'));
      }
      void this.authenticate(socket).then(
        (session) => {
          if (!session) return next(new Error('Unauthorized: auth.token must be a valid access token'));
          void socket.join([clinicRoom(session.clinicId), userRoom(session.userId)]);
          next();
        },
        () => next(new Error('Unauthorized')),
      );
    });
    namespace.on('connection', (socket: Socket) => {
      // every event the client sends is checked against the session as it is now
      socket.use((_packet, next) => {
        void this.stillValid(socket).then((valid) => {
          if (valid) return next();
          next(new Error('Unauthorized: the session has ended'));
          this.close(socket);
        });
      });
      const unwatch = this.live.watch();
      socket.on('disconnect', () => {
        unwatch();
        clearTimeout(sessionOf(socket)?.expiry);
      });
    });
    this.unsubscribe = this.live.subscribeAll((event) => {
      if (event.name === 'session.ended')
        return void this.endSessions(event.payload.id, event.payload.tokenVersion);
      this.namespace.to(clinicRoom(event.clinicId)).emit(event.name, event.payload);
    });
    this.recheck = setInterval(() => void this.recheckAll(), RECHECK_MS);
    this.recheck.unref();
  }

  onModuleDestroy() {
    this.unsubscribe?.();
    clearInterval(this.recheck);
  }

  private async authenticate(socket: Socket): Promise<SocketSession | null> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) return null;
    const session = await this.auth.session(token);
    if (session?.principal.kind !== 'user' || !session.principal.userId) return null;
    const kept: SocketSession = {
      token,
      clinicId: session.principal.clinicId,
      userId: session.principal.userId,
      tokenVersion: session.tokenVersion,
    };
    if (session.expiresAt) {
      const left = session.expiresAt.getTime() - Date.now();
      if (left <= 0) return null;
      if (left <= MAX_TIMER_MS) kept.expiry = setTimeout(() => this.close(socket), left);
    }
    (socket.data as { session?: SocketSession }).session = kept;
    return kept;
  }

  /** Whether the socket's token still opens a session (user active, same version, not expired). */
  private async stillValid(socket: { data: unknown }): Promise<boolean> {
    const session = sessionOf(socket);
    if (!session) return false;
    try {
      return (await this.auth.session(session.token)) !== null;
    } catch {
      // the database may be briefly away: the next check decides
      return true;
    }
  }

  /** Closes this process's sockets of the user opened with a token older than `tokenVersion`. */
  private async endSessions(userId: string, tokenVersion: number) {
    for (const socket of await this.namespace.in(userRoom(userId)).fetchSockets()) {
      const session = sessionOf(socket);
      if (session && session.tokenVersion < tokenVersion) this.close(socket);
    }
  }

  private async recheckAll() {
    for (const socket of await this.namespace.fetchSockets()) {
      if (!(await this.stillValid(socket))) this.close(socket);
    }
  }

  /** Tells the client its session ended (it goes back to the login page), then disconnects it. */
  private close(socket: {
    emit(event: string, ...args: unknown[]): unknown;
    disconnect(close?: boolean): unknown;
  }) {
    socket.emit('session.ended', {});
    socket.disconnect(true);
  }
}

function sessionOf(socket: { data: unknown }): SocketSession | undefined {
  return (socket.data as { session?: SocketSession } | undefined)?.session;
}
