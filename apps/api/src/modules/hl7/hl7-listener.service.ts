import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MAX_HL7_MESSAGE_BYTES, MllpDecoder, mllpFrame } from '@clinicflow/pms';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { Env } from '../../config/env';
import { servesRequests } from '../../config/process-role';
import { errorSummary } from '../../common/logged-error';
import { Hl7IntakeService } from './hl7-intake.service';

/** Connections one listener keeps at once (a clinic's PMS keeps one or two open). */
const MAX_CONNECTIONS = 200;

/**
 * The MLLP listener (`HL7_MLLP_PORT`; off when unset), TLS when `HL7_MLLP_TLS_CERT` and `_KEY` are given. Each
 * connection's messages are handled one after the other, in the order they came (a booking before its move),
 * and each gets its ACK before the next is read.
 */
@Injectable()
export class Hl7ListenerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Hl7ListenerService.name);
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly intake: Hl7IntakeService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  /** Where the listener is (null when off), for the settings page. */
  get address(): { port: number | null; tls: boolean } {
    const bound = this.server?.address();
    return {
      port: bound && typeof bound === 'object' ? bound.port : null,
      tls: Boolean(this.config.get('HL7_MLLP_TLS_CERT', { infer: true })),
    };
  }

  async onApplicationBootstrap() {
    const port = this.config.get('HL7_MLLP_PORT', { infer: true });
    // A PMS's connection is a request like any other: a worker process leaves it to the web processes.
    if (port === undefined || !servesRequests(this.config.get('CLINICFLOW_ROLE', { infer: true }))) return;
    const host = this.config.get('HL7_MLLP_HOST', { infer: true });
    const cert = this.config.get('HL7_MLLP_TLS_CERT', { infer: true });
    const key = this.config.get('HL7_MLLP_TLS_KEY', { infer: true });
    const onConnection = (socket: net.Socket) => this.serve(socket);
    const server =
      cert && key
        ? tls.createServer({ cert: readFileSync(cert), key: readFileSync(key) }, onConnection)
        : net.createServer(onConnection);
    server.maxConnections = MAX_CONNECTIONS;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => this.logger.error(`HL7 listener: ${errorSummary(error)}`));
    this.server = server;
    this.logger.log(`HL7 over MLLP${cert ? ' (TLS)' : ''} on ${host}:${this.address.port}`);
  }

  async onApplicationShutdown() {
    const server = this.server;
    this.server = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private serve(socket: net.Socket) {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    const decoder = new MllpDecoder();
    const peer = socket.remoteAddress ?? '';
    let turn = Promise.resolve();
    let closing = false;
    socket.on('data', (chunk: Buffer) => {
      if (closing) return;
      let messages: Buffer[];
      try {
        messages = decoder.push(chunk);
      } catch (error) {
        // Never silence: the PMS hears why before the connection closes.
        this.logger.warn(`HL7 connection closed: ${errorSummary(error)}`);
        closing = true;
        // the decoder's one refusal: a message over its size
        socket.end(mllpFrame(this.intake.unreadable(`An HL7 message over ${MAX_HL7_MESSAGE_BYTES} bytes`)));
        return;
      }
      for (const message of messages) {
        turn = turn
          .then(async () => {
            const { ack } = await this.intake.handle(message, peer);
            if (!socket.destroyed) socket.write(mllpFrame(ack));
          })
          // `handle` answers every message, errors included: this is a bug, and the PMS will send again.
          .catch((error: unknown) => {
            this.logger.error(`HL7 connection closed: ${errorSummary(error)}`);
            socket.destroy();
          });
      }
    });
    // A peer that resets the connection is the PMS going away: nothing to say about it.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }
}
