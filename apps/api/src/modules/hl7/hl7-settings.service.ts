import { Injectable } from '@nestjs/common';
import type { Hl7Connection, Hl7ConnectionView } from '@clinicflow/contract';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../common/app-error';
import { ClockRepository } from '../../common/clock.repository';
import type { Principal } from '../../http/principal';
import { AuditService } from '../audit/audit.service';
import { Hl7ConnectionRepository } from './hl7-connection.repository';
import { hl7SecretHash } from './hl7-intake.service';
import { Hl7ListenerService } from './hl7-listener.service';
import { Hl7MessageRepository } from './hl7-message.repository';

/** A clinic's HL7 connection as managers set it in the settings, and its log. */
@Injectable()
export class Hl7SettingsService {
  constructor(
    private readonly connections: Hl7ConnectionRepository,
    private readonly messages: Hl7MessageRepository,
    private readonly listener: Hl7ListenerService,
    private readonly audit: AuditService,
    private readonly clock: ClockRepository,
  ) {}

  async view(clinicId: string): Promise<Hl7ConnectionView> {
    const [connection, messages] = await Promise.all([
      this.connections.ofClinic(clinicId),
      this.messages.latest(clinicId),
    ]);
    return {
      connection: connection && {
        sendingFacility: connection.sendingFacility,
        allowedPeers: connection.allowedPeers,
        onlineApplications: connection.onlineApplications ?? [],
        hasSecret: connection.secretHash !== null,
      },
      listener: this.listener.address,
      messages: messages.map(({ _id, clinicId: _clinic, receivedAt, ...entry }) => ({
        id: _id,
        receivedAt: receivedAt.toISOString(),
        ...entry,
      })),
    };
  }

  /**
   * Connects the clinic's PMS under `sendingFacility`, or changes its peers or facility (the secret is kept).
   * 409 naming the field when the facility is another connection's: a facility reaches one clinic only.
   */
  async connect(principal: Principal, body: Hl7Connection): Promise<Hl7ConnectionView> {
    const { clinicId } = principal;
    const now = this.clock.now();
    const current = await this.connections.ofClinic(clinicId);
    const id = Hl7ConnectionRepository.idFor(body.sendingFacility);
    if (current?._id === id) {
      await this.connections.change(clinicId, id, { ...body, updatedAt: now });
    } else {
      const added = await this.connections.add(clinicId, {
        _id: id,
        sendingFacility: body.sendingFacility,
        allowedPeers: body.allowedPeers,
        onlineApplications: body.onlineApplications,
        secretHash: current?.secretHash ?? null,
        createdAt: now,
        updatedAt: now,
      });
      if (!added)
        throw AppError.conflict('This sending facility is already connected', [
          { path: 'body.sendingFacility', message: 'is already connected: each facility reaches one clinic' },
        ]);
      // The new one first: a process that dies here leaves both, and the newest is shown and changed.
      await this.connections.removeOfClinic(clinicId, id);
    }
    await this.audit.record(principal, {
      action: 'settings.changed',
      details: { sections: ['hl7'], allowedPeers: body.allowedPeers.length },
    });
    return this.view(clinicId);
  }

  /** A new MSH-8 secret for the clinic's connection, shown this once; messages with the old one are refused. */
  async newSecret(principal: Principal): Promise<{ secret: string }> {
    const connection = await this.requireConnection(principal.clinicId);
    const secret = randomBytes(24).toString('base64url');
    await this.connections.change(principal.clinicId, connection._id, {
      secretHash: hl7SecretHash(secret),
      updatedAt: this.clock.now(),
    });
    await this.audit.record(principal, {
      action: 'settings.changed',
      details: { sections: ['hl7'], secret: 'new' },
    });
    return { secret };
  }

  /** No secret asked any more: the allowed peers alone decide (none: every message is refused). */
  async removeSecret(principal: Principal): Promise<Hl7ConnectionView> {
    const connection = await this.requireConnection(principal.clinicId);
    await this.connections.change(principal.clinicId, connection._id, {
      secretHash: null,
      updatedAt: this.clock.now(),
    });
    await this.audit.record(principal, {
      action: 'settings.changed',
      details: { sections: ['hl7'], secret: 'removed' },
    });
    return this.view(principal.clinicId);
  }

  /** Disconnects the clinic's PMS: its messages are refused from now on. */
  async disconnect(principal: Principal): Promise<Hl7ConnectionView> {
    await this.connections.removeOfClinic(principal.clinicId);
    await this.audit.record(principal, {
      action: 'settings.changed',
      details: { sections: ['hl7'], connection: 'removed' },
    });
    return this.view(principal.clinicId);
  }

  /** Empties the texts of refused messages older than the clinic's retention (docs/privacy.md). */
  removeContentBefore(clinicId: string, cutoff: Date): Promise<number> {
    return this.messages.removeContentBefore(clinicId, cutoff);
  }

  private async requireConnection(clinicId: string) {
    const connection = await this.connections.ofClinic(clinicId);
    if (!connection) throw AppError.notFound('No HL7 connection: set the sending facility first');
    return connection;
  }
}
