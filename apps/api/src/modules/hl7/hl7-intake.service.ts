import { Injectable, Logger } from '@nestjs/common';
import type { Hl7Outcome } from '@clinicflow/contract';
import {
  ackOf,
  decodeHl7,
  encodeHl7,
  hl7FieldOf,
  readHl7,
  readSiu,
  type AckCode,
  type Hl7Header,
  type Hl7Message,
  withoutSecret,
} from '@clinicflow/pms';

import { createHash, timingSafeEqual } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { ClockRepository } from '../../common/clock.repository';
import { errorSummary } from '../../common/logged-error';
import { pmsEventSchema } from '../events/event.dto';
import { EventIntakeService } from '../intake/event-intake.service';
import { SettingsService } from '../settings/settings.service';
import { Hl7ConnectionRepository, type Hl7ConnectionDocument } from './hl7-connection.repository';
import { Hl7MessageRepository } from './hl7-message.repository';

/** What a message came to: the ACK to send back (in the message's own character set). */
export interface Hl7Answer {
  ack: Buffer;
  code: AckCode;
}

/** sha256 of a secret, hex: what `hl7_connections` keeps. */
export function hl7SecretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * One HL7 message from the listener to its ACK: the character set of MSH-18, the clinic of MSH-4 and its
 * checks (secret in MSH-8, allowed peers), the SIU read into an event, the event received as a REST one is
 * (`EventIntakeService`), then AA. Anything that stops it is an AE (AR for a message type we do not read)
 * with the field and the reason; what reached a clinic is in its log, a refused message with its text.
 */
@Injectable()
export class Hl7IntakeService {
  private readonly logger = new Logger(Hl7IntakeService.name);

  constructor(
    private readonly connections: Hl7ConnectionRepository,
    private readonly messages: Hl7MessageRepository,
    private readonly intake: EventIntakeService,
    private readonly settings: SettingsService,
    private readonly clock: ClockRepository,
  ) {}

  /** A bare AE for bytes that cannot be a message (over the size limit): said before the connection closes. */
  unreadable(reason: string): Buffer {
    return encodeHl7(bareReject(reason, this.clock.now()), 'utf-8');
  }

  /** The ACK of a message's bytes, received from `peer` (its IP address). */
  async handle(bytes: Buffer, peer: string): Promise<Hl7Answer> {
    const decoded = decodeHl7(bytes);
    // An ACK must be built from a parsed header: a set we do not read is answered from the bytes as Latin-1.
    const text = 'text' in decoded ? decoded.text : bytes.toString('latin1');
    const charset = 'charset' in decoded ? decoded.charset : 'latin1';
    const reading = readHl7(text);
    if ('problem' in reading) {
      // No header to answer to: the PMS gets a bare AE it can match by nothing, which is all HL7 allows.
      return { ack: encodeHl7(bareReject(reading.problem, this.clock.now()), charset), code: 'AE' };
    }
    const { message, header } = reading;
    const answer = (code: AckCode, reason?: string) => ({
      ack: encodeHl7(ackOf(message, code, reason).toString(), charset),
      code,
    });
    try {
      const connection = await this.connections.forFacility(header.facility);
      if (!connection)
        return answer('AR', `MSH-4: the sending facility ${header.facility} is not connected to clinicflow`);
      if (!this.passes(connection, header, peer)) {
        this.logger.warn(`HL7 message refused for clinic ${connection.clinicId}: not authenticated`);
        return answer('AR', 'MSH-8: the message is not authenticated for this sending facility');
      }
      if ('problem' in decoded)
        return await this.refuse(connection.clinicId, header, text, answer, decoded.problem);
      return await this.apply(connection, message, header, text, answer);
    } catch (error) {
      // The database is away, or a bug: nothing is stored, and an AE asks the PMS to send it again.
      this.logger.error(`HL7 message not applied: ${errorSummary(error)}`);
      return answer('AE', 'clinicflow could not store the message now: send it again');
    }
  }

  private async apply(
    connection: Hl7ConnectionDocument,
    message: Hl7Message,
    header: Hl7Header,
    text: string,
    answer: (code: AckCode, reason?: string) => Hl7Answer,
  ): Promise<Hl7Answer> {
    const { clinicId } = connection;
    const settings = await this.settings.find(clinicId);
    const siu = readSiu(message, header, {
      timeZone: settings?.timeZone ?? 'UTC',
      onlineApplications: connection.onlineApplications ?? [],
    });
    if ('problem' in siu)
      return this.refuse(clinicId, header, text, answer, siu.problem, siu.unsupported ? 'AR' : 'AE');
    const parsed = pmsEventSchema.safeParse(siu.event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.refuse(
        clinicId,
        header,
        text,
        answer,
        `${hl7FieldOf(issue.path.join('.'))}: ${issue.message}`,
      );
    }
    const received =
      siu.kind === 'state'
        ? await this.intake.receiveState(clinicId, parsed.data)
        : { ...(await this.intake.receive(clinicId, parsed.data)), type: parsed.data.type };
    await this.log(
      clinicId,
      header,
      received.duplicate ? 'duplicate' : 'accepted',
      null,
      received.type,
      null,
    );
    return answer('AA');
  }

  private async refuse(
    clinicId: string,
    header: Hl7Header,
    text: string,
    answer: (code: AckCode, reason?: string) => Hl7Answer,
    reason: string,
    code: AckCode = 'AE',
  ): Promise<Hl7Answer> {
    await this.log(clinicId, header, 'error', reason, null, withoutSecret(text));
    return answer(code, reason);
  }

  private log(
    clinicId: string,
    header: Hl7Header,
    outcome: Hl7Outcome,
    reason: string | null,
    eventType: string | null,
    text: string | null,
  ) {
    return this.messages.add(clinicId, {
      receivedAt: this.clock.now(),
      controlId: header.controlId,
      type: header.type,
      outcome,
      reason,
      eventType,
      text,
    });
  }

  /** Every check the clinic set holds: the secret of MSH-8, the peer's address. A clinic with none is refused. */
  private passes(connection: Hl7ConnectionDocument, header: Hl7Header, peer: string): boolean {
    if (!connection.secretHash && connection.allowedPeers.length === 0) return false;
    if (connection.secretHash && !sameHash(hl7SecretHash(header.security), connection.secretHash))
      return false;
    return connection.allowedPeers.length === 0 || isAllowedPeer(peer, connection.allowedPeers);
  }
}

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, 'hex'), Buffer.from(b, 'hex')];
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether an address (IPv4-mapped IPv6 read as IPv4) is one of the peers or in one of their networks. */
export function isAllowedPeer(peer: string, allowed: readonly string[]): boolean {
  if (!ipaddr.isValid(peer)) return false;
  const address = ipaddr.process(peer);
  return allowed.some((entry) => {
    if (!entry.includes('/'))
      return ipaddr.isValid(entry) && ipaddr.process(entry).toString() === address.toString();
    const [network, bits] = ipaddr.parseCIDR(entry);
    return network.kind() === address.kind() && address.match([network, bits] as never);
  });
}

/** An AE for a message whose header could not be read (no MSH to answer to). */
function bareReject(reason: string, now: Date): string {
  const at = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return [
    `MSH|^~\\&|CLINICFLOW|CLINICFLOW|||${at}||ACK|${at}|P|2.5.1`,
    `MSA|AE||${reason.replace(/[|^~\\&]/g, ' ')}`,
  ].join('\r');
}
