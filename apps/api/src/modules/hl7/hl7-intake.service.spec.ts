import { siuMessage } from '@clinicflow/pms';
import type { ClockRepository } from '../../common/clock.repository';
import type { EventIntakeService } from '../intake/event-intake.service';
import type { SettingsService } from '../settings/settings.service';
import type { Hl7ConnectionRepository } from './hl7-connection.repository';
import { Hl7IntakeService, isAllowedPeer } from './hl7-intake.service';
import type { Hl7MessageRepository } from './hl7-message.repository';

const clock = { now: () => new Date('2026-03-02T08:00:00Z') } as ClockRepository;

function serviceWith(connections: Partial<Hl7ConnectionRepository>) {
  return new Hl7IntakeService(
    connections as Hl7ConnectionRepository,
    { add: jest.fn() } as unknown as Hl7MessageRepository,
    {} as EventIntakeService,
    {} as SettingsService,
    clock,
  );
}

const booking = siuMessage({ trigger: 'S12', controlId: 'MSG-1', facility: 'F', appointment: { id: 'A1' } });

describe(Hl7IntakeService.name, () => {
  it('answers AE asking to send again when the database is away (and does not throw)', async () => {
    const service = serviceWith({ forFacility: () => Promise.reject(new Error('connection refused')) });
    const answer = await service.handle(Buffer.from(booking), '127.0.0.1');
    expect(answer.code).toBe('AE');
    expect(answer.ack.toString()).toContain(
      'MSA|AE|MSG-1|clinicflow could not store the message now: send it again',
    );
  });

  it('answers a bare AE to bytes that are not HL7', async () => {
    const answer = await serviceWith({}).handle(Buffer.from('GET / HTTP/1.1'), '127.0.0.1');
    expect(answer.code).toBe('AE');
    expect(answer.ack.toString()).toMatch(
      /^MSH\|\^~\\&\|CLINICFLOW\|CLINICFLOW\|\|\|20260302080000\|\|ACK\|/,
    );
    expect(answer.ack.toString()).toContain('MSA|AE||MSH: the message does not start with an MSH segment');
  });
});

describe(isAllowedPeer.name, () => {
  it.each([
    ['127.0.0.1', ['127.0.0.1'], true],
    ['::ffff:127.0.0.1', ['127.0.0.1'], true],
    ['10.20.0.7', ['10.20.0.0/24'], true],
    ['::ffff:10.20.0.7', ['10.20.0.0/24'], true],
    ['10.20.1.7', ['10.20.0.0/24'], false],
    ['2001:db8::5', ['2001:db8::/64'], true],
    ['2001:db8::5', ['10.0.0.0/8'], false],
    ['192.0.2.1', [], false],
    ['', ['127.0.0.1'], false],
  ])('should read %s against %p as %p', (peer, allowed, expected) => {
    expect(isAllowedPeer(peer, allowed)).toBe(expected);
  });
});
