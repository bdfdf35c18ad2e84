// Issue 19, write-back: when a patient confirms or declines by reply, the clinic's PMS learns it through the
// endpoints it registered: its FHIR server gets an AppointmentResponse (with the server's Authorization), its
// MLLP endpoint an SIU^S14 (a real MLLP server, @medplum/hl7's, answering AE once then AA: retried).
import type { Hl7Message } from '@medplum/core';
import { Hl7Server, type Hl7MessageEvent } from '@medplum/hl7';
import { remindersFlow } from '@clinicflow/rules';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { postSandboxCallback } from './sandbox-callback';
import { EVERY_PATIENT, REPLY_NUMBER, REPLYING_CLINIC_SENDERS } from './scenario-1';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

describe('write-back of the patient answers to the PMS', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ CLINICFLOW_ALLOWED_PROVIDER_HOSTS: '127.0.0.1' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const fhirRequests: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const hl7Messages: Hl7Message[] = [];
  let fhir: Server;
  let mllp: Hl7Server;

  beforeAll(async () => {
    fhir = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        fhirRequests.push({
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        res
          .writeHead(201, { 'content-type': 'application/fhir+json' })
          .end('{"resourceType":"AppointmentResponse","id":"1"}');
      });
    });
    await new Promise<void>((resolve) => fhir.listen(0, '127.0.0.1', resolve));
    // The PMS's MLLP endpoint refuses the first message (AE), then takes them (AA).
    mllp = new Hl7Server((connection) => {
      connection.addEventListener('message', ({ message }: Hl7MessageEvent) => {
        hl7Messages.push(message);
        connection.send(message.buildAck({ ackCode: hl7Messages.length === 1 ? 'AE' : 'AA' }));
      });
    });
    mllp.start(0);
    await new Promise((resolve) => mllp.server!.once('listening', resolve));

    await engine.settings(clinic, {
      consent: EVERY_PATIENT,
      senders: REPLYING_CLINIC_SENDERS,
      providers: { sms: { kind: 'sandbox', options: {} } },
    });
    await engine.publish(clinic, remindersFlow);
    const answers = ['appointment.confirmed', 'appointment.declined'];
    const fhirPort = (fhir.address() as AddressInfo).port;
    const mllpPort = (mllp.server!.address() as AddressInfo).port;
    const made = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        kind: 'fhir',
        url: `http://127.0.0.1:${fhirPort}/fhir/`,
        events: answers,
        authorization: 'Bearer pms-token-1',
      })
      .expect(201);
    expect(made.body).toMatchObject({ kind: 'fhir', hasAuthorization: true });
    expect(made.body).not.toHaveProperty('secret');
    expect(JSON.stringify(made.body)).not.toContain('pms-token-1');
    await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        kind: 'hl7',
        url: `mllp://127.0.0.1:${mllpPort}/CABINET_PARC`,
        events: answers,
      })
      .expect(201);
  });

  afterAll(async () => {
    await new Promise((resolve) => fhir.close(resolve));
    await mllp.stop({ forceDrainTimeoutMs: 0 });
  });

  async function answer(appointment: string, patient: string, mobile: string, text: string) {
    await engine
      .post(clinic, {
        ...bookingEvent(`wb-${appointment}`, appointment, '2026-03-07T10:00', { patient }),
        patient: { externalId: patient, firstName: 'Léa', lastName: 'Martin', mobile, language: 'fr' },
      })
      .expect(202);
    return { appointment, mobile, text };
  }

  it('tells the FHIR server and the MLLP endpoint who confirmed and who declined, retrying what was refused', async () => {
    const yes = await answer('A-YES', 'P-YES', '+33611111111', 'C');
    const no = await answer('A-NO', 'P-NO', '+33622222222', 'N');
    await engine.at('2026-03-02T08:00:00Z');
    await engine.at('2026-03-05T09:00:00Z');
    await engine.at('2026-03-06T09:00:00Z');
    for (const [i, reply] of [yes, no].entries()) {
      const answered = await postSandboxCallback(ctx, clinic, 'inbound', {
        from: reply.mobile,
        to: REPLY_NUMBER,
        text: reply.text,
        providerMessageId: `in-wb-${i}`,
      });
      expect(answered.body).toMatchObject({
        accepted: true,
        meaning: reply.text === 'C' ? 'confirmed' : 'declined',
      });
    }
    await engine.at('2026-03-06T09:00:01Z');
    await engine.at('2026-03-06T09:00:10Z');

    expect(fhirRequests.map((r) => [r.path, r.headers.authorization, r.headers['content-type']])).toEqual([
      ['/fhir/AppointmentResponse', 'Bearer pms-token-1', 'application/fhir+json'],
      ['/fhir/AppointmentResponse', 'Bearer pms-token-1', 'application/fhir+json'],
    ]);
    const responses = fhirRequests
      .map((r) => JSON.parse(r.body))
      .sort((a, b) => a.appointment.reference.localeCompare(b.appointment.reference));
    expect(responses).toEqual([
      expect.objectContaining({
        resourceType: 'AppointmentResponse',
        appointment: { reference: 'Appointment/A-NO' },
        participantStatus: 'declined',
      }),
      expect.objectContaining({
        resourceType: 'AppointmentResponse',
        appointment: { reference: 'Appointment/A-YES' },
        participantStatus: 'accepted',
      }),
    ]);

    // Two answers, the first refused once: three messages, the refused one sent again with its control id.
    expect(hl7Messages).toHaveLength(3);
    const controlIds = hl7Messages.map((m) => m.getSegment('MSH')!.getField(10).toString());
    expect(new Set(controlIds).size).toBe(2);
    const byAppointment = Object.fromEntries(
      hl7Messages.map((m) => [
        m.getSegment('SCH')!.getField(2).toString(),
        m.getSegment('SCH')!.getField(25).toString(),
      ]),
    );
    expect(byAppointment).toEqual({ 'A-YES': 'Confirmed', 'A-NO': 'Cancelled' });
    for (const m of hl7Messages) {
      expect(m.getSegment('MSH')!.getField(9).toString()).toBe('SIU^S14^SIU_S12');
      expect(m.getSegment('MSH')!.getField(6).toString()).toBe('CABINET_PARC');
    }
    const endpoints = (await ctx.as(clinic).get('/api/settings/webhooks').expect(200)).body;
    const hl7 = endpoints.find((e: { kind: string }) => e.kind === 'hl7');
    const log = (await ctx.as(clinic).get(`/api/settings/webhooks/${hl7.id}/messages`).expect(200)).body;
    expect(log.map((m: { status: string }) => m.status)).toEqual(['delivered', 'delivered']);
    expect(
      log.flatMap((m: { attempts: { error: string | null }[] }) => m.attempts.map((a) => a.error)).sort(),
    ).toEqual(['ACK AE', null, null]);
  });

  it('refuses an MLLP endpoint with an http address, and a FHIR one asked for other events, naming the field', async () => {
    const http = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        kind: 'hl7',
        url: 'http://127.0.0.1/x',
        events: ['appointment.confirmed'],
      })
      .expect(400);
    expect(http.body.errors).toEqual([
      { path: 'body.url', message: 'must be an mllp:// or mllps:// address' },
    ]);
    const runs = await ctx
      .as(clinic)
      .post('/api/settings/webhooks', {
        kind: 'fhir',
        url: 'https://fhir.example.org/r4',
        events: ['run.ended'],
      })
      .expect(400);
    expect(runs.body.errors[0].path).toBe('body.events.0');
  });
});
