import { Hl7Message } from '@medplum/core';
import { readHl7, readSiu } from './hl7/siu';
import { appointmentAnswerMessage, appointmentResponseOf } from './write-back';

const at = new Date('2026-03-06T09:05:00Z');

describe('appointmentResponseOf', () => {
  it.each([
    ['confirmed', 'accepted'],
    ['declined', 'declined'],
  ] as const)('should say a patient who %s as %s', (answer, participantStatus) => {
    expect(appointmentResponseOf({ appointmentExternalId: 'A-1', answer, at, channel: 'sms' })).toMatchObject(
      {
        resourceType: 'AppointmentResponse',
        appointment: { reference: 'Appointment/A-1' },
        participantStatus,
        comment: expect.stringContaining('by the patient by sms'),
      },
    );
  });
});

describe('appointmentAnswerMessage', () => {
  it('should be a SIU^S14 that clinicflow itself reads back as the same state', () => {
    const text = appointmentAnswerMessage(
      { appointmentExternalId: 'A-1', answer: 'declined', at, channel: 'sms' },
      { controlId: 'CF-1', facility: 'CABINET_PARC' },
    );
    const reading = readHl7(text);
    if ('problem' in reading) throw new Error(reading.problem);
    expect(reading.header).toMatchObject({ controlId: 'CF-1', type: 'SIU^S14', version: '2.5.1' });
    expect(reading.message.getSegment('MSH')!.getField(6).toString()).toBe('CABINET_PARC');
    expect(readSiu(reading.message, reading.header, { timeZone: 'UTC' })).toMatchObject({
      kind: 'state',
      event: {
        appointment: {
          externalId: 'A-1',
          status: 'cancelled',
          notes: 'Declined by the patient by sms (clinicflow)',
        },
      },
    });
  });

  it('should keep HL7 separators out of what it copies', () => {
    const text = appointmentAnswerMessage(
      { appointmentExternalId: 'A|1^x', answer: 'confirmed', at },
      { controlId: 'CF-2', facility: 'SITE~2' },
    );
    expect(Hl7Message.parse(text).getSegment('SCH')!.getField(25).toString()).toBe('Confirmed');
    expect(text).toContain('SCH|A 1 x|A 1 x|');
  });
});
