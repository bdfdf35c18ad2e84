// Issue 19's acceptance: scenario 1 of domain.md with the PMS speaking HL7 v2 over MLLP instead of REST. The
// clinic's online agenda books through its PMS, which sends SIU^S12 (sending application AGENDA_WEB, which the
// clinic names as its online booking); a real MLLP client (@medplum/hl7) carries it.
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { siuMessage } from '@clinicflow/pms';
import { bookingConfirmationFlow, remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver } from './engine-fixtures';
import {
  EVERY_PATIENT,
  messagesUntilConfirmed,
  noFurtherQuestion,
  REPLYING_CLINIC_SENDERS,
} from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe('scenario 1 with the PMS speaking HL7 over MLLP', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ HL7_MLLP_PORT: '0', HL7_MLLP_HOST: '127.0.0.1' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let client: Hl7Client;
  let secret: string;

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: { receiptDelayMs: 20 } } },
    });
    await engine.publish(clinic, bookingConfirmationFlow);
    await engine.publish(clinic, remindersFlow);
    const connected = await ctx
      .as(clinic)
      .put('/api/settings/hl7', { sendingFacility: 'CAB_LILAS', onlineApplications: ['AGENDA_WEB'] })
      .expect(200);
    secret = (await ctx.as(clinic).post('/api/settings/hl7/secret').expect(200)).body.secret;
    client = new Hl7Client({ host: '127.0.0.1', port: connected.body.listener.port, encoding: 'iso-8859-1' });
  });

  afterAll(() => client.close());

  it('sends every message to the patient of an online booking the PMS sent in HL7, and "C" confirms', async () => {
    const booking = siuMessage({
      trigger: 'S12',
      controlId: 'LILAS-0001',
      application: 'AGENDA_WEB',
      facility: 'CAB_LILAS',
      secret,
      charset: '8859/1',
      sentAt: '20260302090000',
      appointment: {
        id: 'A-77',
        start: '202603071000',
        minutes: 30,
        service: 'S-CHECK',
        resource: 'R-DUPONT',
        location: 'L-MAIN',
      },
      patient: {
        id: 'P-77',
        family: 'Martin',
        given: 'Léa',
        mobile: '+33612345678',
        email: 'lea.martin@example.org',
        language: 'FRE',
      },
    });
    const ack = await client.sendAndWait(Hl7Message.parse(booking));
    expect(ack.getSegment('MSA')!.getField(1).toString()).toBe('AA');
    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-77');
    const booked = await ctx.as(clinic).get(`/api/appointments/${appointmentId}`).expect(200);
    expect(booked.body).toMatchObject({ source: 'online', status: 'booked' });

    const [confirmation] = await messagesUntilConfirmed(ctx, engine, clinic, appointmentId);
    expect(confirmation.text).toContain('Léa');
    await noFurtherQuestion(engine, clinic, appointmentId);
  });
});
