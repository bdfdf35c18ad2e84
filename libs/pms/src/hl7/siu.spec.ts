import { Hl7Message } from '@medplum/core';
import { pmsEventSchema } from '@clinicflow/contract';
import { hl7FieldOf, readHl7, readSiu, withoutSecret, type Hl7Header } from './siu';
import { siuMessage, type SiuSample } from './samples';

const booking: SiuSample = {
  trigger: 'S12',
  controlId: 'MSG-0001',
  facility: 'CAB_PARC',
  secret: 's3cret',
  appointment: {
    id: 'A1',
    start: '202603250930',
    minutes: 30,
    service: 'CHECKUP',
    resource: 'DR-DUPONT',
    location: 'PARC',
    notes: 'Apporter la radio',
  },
  patient: {
    id: 'P1',
    family: 'Ødegård',
    given: 'Bjørn',
    birthDate: '19800115',
    mobile: '+4791234567',
    email: 'bjorn@example.no',
    language: 'NOR',
  },
};

function read(text: string) {
  const reading = readHl7(text);
  if ('problem' in reading) throw new Error(reading.problem);
  return readSiu(reading.message, reading.header, { timeZone: 'Europe/Oslo' });
}

describe('readHl7', () => {
  it('should read the header of a message', () => {
    const reading = readHl7(siuMessage(booking));
    expect('header' in reading && reading.header).toEqual<Hl7Header>({
      controlId: 'MSG-0001',
      application: 'PMS',
      facility: 'CAB_PARC',
      security: 's3cret',
      type: 'SIU^S12',
      version: '2.5.1',
    });
  });

  it.each([
    ['text that is not HL7', 'hello', 'MSH: the message does not start with an MSH segment'],
    ['no control id', siuMessage({ ...booking, controlId: '' }), 'MSH-10: the message control id is missing'],
    ['no facility', siuMessage({ ...booking, facility: '' }), 'MSH-4: the sending facility is missing'],
    [
      'version 2.2',
      siuMessage({ ...booking, version: '2.2' }),
      'MSH-12: version 2.2 is not HL7 v2.3 or later',
    ],
  ])('should name the field of %s', (_title, text, problem) => {
    expect(readHl7(text)).toEqual({ problem });
  });

  it('should take segments separated by line feeds too', () => {
    const reading = readHl7(siuMessage(booking).replace(/\r/g, '\n'));
    expect('message' in reading && reading.message.getSegment('PID')).toBeTruthy();
  });
});

describe('readSiu', () => {
  it('should read a booking into an event the intake takes', () => {
    const reading = read(siuMessage(booking));
    expect(reading).toEqual({
      kind: 'event',
      event: {
        id: 'hl7:MSG-0001',
        type: 'appointment.booked',
        occurredAt: '2026-03-20T10:00:00+01:00',
        appointment: {
          externalId: 'A1',
          start: '2026-03-25T09:30:00+01:00',
          end: '2026-03-25T09:00:00.000Z',
          source: 'pms',
          serviceExternalId: 'CHECKUP',
          resourceExternalId: 'DR-DUPONT',
          locationExternalId: 'PARC',
          notes: 'Apporter la radio',
        },
        patient: {
          externalId: 'P1',
          lastName: 'Ødegård',
          firstName: 'Bjørn',
          birthDate: '1980-01-15',
          language: 'nb',
          mobile: '+4791234567',
          email: 'bjorn@example.no',
        },
      },
    });
    expect(pmsEventSchema.safeParse('event' in reading && reading.event).success).toBe(true);
  });

  it("should read a booking of the clinic's online agenda as online", () => {
    const reading = readHl7(siuMessage(booking).replace('MSH|^~\\&|PMS|', 'MSH|^~\\&|AgendaWeb|'));
    if ('problem' in reading) throw new Error(reading.problem);
    const context = { timeZone: 'UTC', onlineApplications: ['AGENDAWEB'] };
    expect(readSiu(reading.message, reading.header, context)).toMatchObject({
      event: { appointment: { source: 'online' } },
    });
  });

  it.each([
    ['S13', 'appointment.rescheduled'],
    ['S15', 'appointment.cancelled'],
    ['S17', 'appointment.cancelled'],
    ['S26', 'appointment.no_show'],
  ] as const)('should read %s as %s', (trigger, type) => {
    expect(read(siuMessage({ ...booking, trigger }))).toMatchObject({ kind: 'event', event: { type } });
  });

  it.each([
    ['Booked', 'booked'],
    ['Cancelled', 'cancelled'],
    ['Deleted', 'cancelled'],
    ['Noshow', 'no_show'],
    ['Complete', 'attended'],
    ['Confirmed', 'confirmed'],
    ['Pending', 'booked'],
  ])('should read an S14 with filler status %s as a state %s', (status, said) => {
    const reading = read(
      siuMessage({ ...booking, trigger: 'S14', appointment: { ...booking.appointment, status } }),
    );
    expect(reading).toMatchObject({ kind: 'state', event: { appointment: { status: said } } });
  });

  it('should take the times of SCH-11 and an offset written in them', () => {
    const text = siuMessage(booking).replace('^^^202603250930|', '^^^202603250930+0200^202603251015+0200|');
    expect(read(text)).toMatchObject({
      event: { appointment: { start: '2026-03-25T09:30:00+02:00', end: '2026-03-25T10:15:00+02:00' } },
    });
  });

  it('should take the start and duration of AIS when SCH-11 says nothing', () => {
    const text = siuMessage(booking).replace('^^^202603250930|', '|').replace('|30|min', '|1|H');
    expect(read(text)).toMatchObject({
      event: { appointment: { start: '2026-03-25T09:30:00+01:00', end: '2026-03-25T09:30:00.000Z' } },
    });
  });

  it('should take the duration of SCH-9 when no resource segment says one', () => {
    const text = siuMessage({
      ...booking,
      appointment: { ...booking.appointment, service: undefined, minutes: 45 },
    });
    expect(read(text)).toMatchObject({ event: { appointment: { end: '2026-03-25T09:15:00.000Z' } } });
  });

  it('should read the patient of a v2.3 message (XTN.1 numbers, PID-2)', () => {
    const text = siuMessage({ ...booking, version: '2.3', patient: undefined }).replace(
      'RGS|1',
      'PID|1|P23|||||||||||0612345678^PRN^PH~lea@example.fr^NET^Internet||fr\rRGS|1',
    );
    expect(read(text)).toMatchObject({
      event: {
        patient: { externalId: 'P23', mobile: '0612345678', email: 'lea@example.fr', language: 'fr' },
      },
    });
  });

  it('should prefer the medical record number and the cell phone', () => {
    const text = siuMessage(booking)
      .replace(/PID\|1\|\|[^|]*\|/, 'PID|1||999^^^SSN~P9^^^PMS^MR|')
      .replace('^PRN^CP^^^^^^^^^+4791234567', '^WPN^PH^^47^22^123456~^PRN^CP^^^^^^^^^+4791234567');
    expect(read(text)).toMatchObject({ event: { patient: { externalId: 'P9', mobile: '+4791234567' } } });
  });

  it("should read HL7's escapes in names and notes", () => {
    const text = siuMessage({
      ...booking,
      appointment: { ...booking.appointment, notes: 'Radio \\T\\ scanner\\.br\\Jeun' },
      patient: { ...booking.patient!, family: 'Martin\\S\\Durand' },
    });
    expect(read(text)).toMatchObject({
      event: { appointment: { notes: 'Radio & scanner\nJeun' }, patient: { lastName: 'Martin^Durand' } },
    });
  });

  it('should read a cancellation without a patient', () => {
    const reading = read(siuMessage({ ...booking, trigger: 'S15', patient: undefined }));
    expect('event' in reading && reading.event.patient).toBeUndefined();
  });

  it.each([
    [
      'another message type',
      siuMessage(booking).replace('SIU^S12^SIU_S12', 'ADT^A04^ADT_A01'),
      'MSH-9: ADT^A04 is not a message clinicflow reads (SIU^S12, S13, S14, S15, S17, S26)',
    ],
    [
      'a SIU trigger not read',
      siuMessage(booking).replace('SIU^S12^SIU_S12', 'SIU^S16'),
      'MSH-9: SIU^S16 is not a message clinicflow reads (SIU^S12, S13, S14, S15, S17, S26)',
    ],
    [
      'no SCH',
      siuMessage(booking).replace(/\rSCH[^\r]*/, ''),
      'SCH: the segment is missing (the appointment)',
    ],
    [
      'no appointment id',
      siuMessage({ ...booking, appointment: { ...booking.appointment, id: '' } }),
      'SCH-2: the appointment id is missing (neither SCH-2 nor SCH-1)',
    ],
    [
      'a start that is not a time',
      siuMessage({ ...booking, appointment: { ...booking.appointment, start: '2026-03-25' } }),
      'SCH-11: the start 2026-03-25 is not an HL7 date-time to the minute',
    ],
    [
      'a start without its minute',
      siuMessage({ ...booking, appointment: { ...booking.appointment, start: '20260325' } }),
      'SCH-11: the start 20260325 is not an HL7 date-time to the minute',
    ],
    [
      'an end that is not a time',
      siuMessage(booking).replace('^^^202603250930|', '^^^202603250930^tomorrow|'),
      'SCH-11: the end tomorrow is not an HL7 date-time to the minute',
    ],
    [
      'a duration in weeks',
      siuMessage(booking).replace('|30|min', '|2|wk'),
      'SCH-9: the duration 2 wk is not a duration',
    ],
    [
      'no patient id',
      siuMessage({ ...booking, patient: { ...booking.patient!, id: '' } }),
      'PID-3: the patient id is missing',
    ],
    [
      'a message time that is not one',
      siuMessage({ ...booking, sentAt: 'now' }),
      'MSH-7: now is not an HL7 date-time',
    ],
  ])('should name the field of %s', (_title, text, problem) => {
    expect(read(text)).toMatchObject({ problem });
  });

  it('should say a message of another type is unsupported', () => {
    const reading = readHl7(siuMessage(booking).replace('SIU^S12^SIU_S12', 'ADT^A04'));
    const header = 'header' in reading ? reading.header : null;
    expect(readSiu(Hl7Message.parse(siuMessage(booking)), header!, { timeZone: 'UTC' })).toMatchObject({
      unsupported: true,
    });
  });
});

describe('hl7FieldOf', () => {
  it.each([
    ['patient', 'PID'],
    ['patient.email', 'PID-13'],
    ['appointment.end', 'SCH-11.5 (the end, or a duration in SCH-9 or AIS-7)'],
    ['patient.consent', 'patient.consent'],
  ])('should name %s as %s', (path, field) => {
    expect(hl7FieldOf(path)).toBe(field);
  });
});

describe('withoutSecret', () => {
  it('should blank MSH-8 and nothing else', () => {
    const text = siuMessage(booking);
    const kept = withoutSecret(text);
    expect(kept).not.toContain('s3cret');
    expect(kept.split('\r')[0].split('|')[7]).toBe('***');
    expect(kept.replace('***', 's3cret')).toBe(text);
  });

  it.each(['hello', 'MSH|^~\\&|A|B|C|D|2026'])('should leave %p as it is (no secret in it)', (text) => {
    expect(withoutSecret(text)).toBe(text);
  });
});
