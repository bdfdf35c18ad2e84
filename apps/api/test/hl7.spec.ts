// Issue 19, HL7 v2 over MLLP: a real MLLP client (@medplum/hl7's, not ours) sends SIU messages in ISO 8859/1 to
// the listener the API starts; bookings, moves and cancellations become the same events as REST ones.
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { MAX_HL7_MESSAGE_BYTES, MllpDecoder, mllpFrame, siuMessage, type SiuSample } from '@clinicflow/pms';
import net from 'node:net';
import { remindersFlow } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { engineDriver } from './engine-fixtures';
import { useTestContext, type TestClinic } from './test-app';
import { TestClock } from './test-clock';

const FACILITY = 'CABINET_PARC';

describe('HL7 v2 over MLLP', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({ HL7_MLLP_PORT: '0', HL7_MLLP_HOST: '127.0.0.1' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  const other = ctx.clinic();
  let port: number;
  let secret: string;
  const clients = new Map<string, Hl7Client>();

  /**
   * Sends a message as the clinic's PMS does (Latin-1 on the wire unless told), on one connection per encoding
   * kept open for the test (as a PMS keeps its connection), and answers the ACK's MSA.
   */
  async function send(text: string, encoding = 'iso-8859-1') {
    const client = clients.get(encoding) ?? new Hl7Client({ host: '127.0.0.1', port, encoding });
    clients.set(encoding, client);
    // Without the library's timeoutMs: it leaves its timer running once the ACK came (Jest would wait for it).
    const ack = await client.sendAndWait(Hl7Message.parse(text));
    const msa = ack.getSegment('MSA')!;
    return {
      code: msa.getField(1).toString(),
      controlId: msa.getField(2).toString(),
      text: msa.getField(3).toString(),
      ack,
    };
  }

  const sample = (
    trigger: SiuSample['trigger'],
    controlId: string,
    patch: Partial<SiuSample> = {},
  ): SiuSample => ({
    trigger,
    controlId,
    facility: FACILITY,
    secret,
    charset: '8859/1',
    sentAt: '20260302090000',
    appointment: {
      id: 'A-1',
      start: '202603071000',
      minutes: 30,
      service: 'CHECK',
      resource: 'DR-DUPONT',
      location: 'PARC',
    },
    patient: {
      id: 'P-1',
      family: 'Ødegård',
      given: 'Bjørn',
      mobile: '+4791234567',
      email: 'bjorn@example.no',
      language: 'NOR',
    },
    ...patch,
  });

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders', 'recall', 'surveys'] },
      providers: { sms: { kind: 'sandbox', options: {} }, email: { kind: 'sandbox', options: {} } },
    });
    await engine.publish(clinic, remindersFlow);
    const connected = await ctx
      .as(clinic)
      .put('/api/settings/hl7', { sendingFacility: FACILITY, allowedPeers: [] })
      .expect(200);
    port = connected.body.listener.port;
    expect(port).toBeGreaterThan(0);
    secret = (await ctx.as(clinic).post('/api/settings/hl7/secret').expect(200)).body.secret;
  });

  afterEach(async () => {
    await Promise.all([...clients.values()].map((client) => client.close()));
    clients.clear();
  });

  const appointmentOf = (c: TestClinic) => externalDocumentId('apt', c.clinicId, 'A-1');

  it('books, moves and cancels an appointment and its reminders, each message ACKed AA', async () => {
    const booked = await send(siuMessage(sample('S12', 'MSG-1')));
    expect(booked).toMatchObject({ code: 'AA', controlId: 'MSG-1' });
    // The ACK is in the message's own set and says so.
    expect(booked.ack.getSegment('MSH')!.getField(18).toString()).toBe('8859/1');
    await engine.at('2026-03-02T08:00:00Z');

    const appointment = await ctx
      .as(clinic)
      .get(`/api/appointments/${appointmentOf(clinic)}`)
      .expect(200);
    expect(appointment.body).toMatchObject({
      status: 'booked',
      start: '2026-03-07T09:00:00.000Z',
      end: '2026-03-07T09:30:00.000Z',
      source: 'pms',
    });
    const patient = await ctx.as(clinic).get(`/api/patients/${appointment.body.patientId}`).expect(200);
    expect(patient.body).toMatchObject({
      firstName: 'Bjørn',
      lastName: 'Ødegård',
      language: 'nb',
      mobile: '+4791234567',
    });
    const reminders = async () =>
      (await engine.runs(clinic, { appointmentId: appointmentOf(clinic) })).map((r) => [
        r.status,
        r.timerAt?.toISOString() ?? null,
      ]);
    // Reminders as for a REST booking: the e-mail's wait ends 48 h before.
    expect(await reminders()).toEqual([['waiting', '2026-03-05T09:00:00.000Z']]);

    const moved = await send(
      siuMessage(
        sample('S13', 'MSG-2', { appointment: { ...sample('S13', '').appointment, start: '202603091500' } }),
      ),
    );
    expect(moved.code).toBe('AA');
    await engine.at('2026-03-02T08:01:00Z');
    expect(await reminders()).toEqual([
      ['cancelled', null],
      ['waiting', '2026-03-07T14:00:00.000Z'],
    ]);

    const cancelled = await send(siuMessage(sample('S15', 'MSG-3', { patient: undefined })));
    expect(cancelled.code).toBe('AA');
    await engine.at('2026-03-02T08:02:00Z');
    expect((await reminders()).map(([status]) => status)).toEqual(['cancelled', 'cancelled']);
    // Nothing goes when the moved reminder's time comes.
    await engine.at('2026-03-07T14:00:00Z');
    expect(await engine.deliveries(clinic, { appointmentId: appointmentOf(clinic) })).toEqual([]);
    const seen = await ctx
      .as(clinic)
      .get(`/api/appointments/${appointmentOf(clinic)}`)
      .expect(200);
    expect(seen.body.status).toBe('cancelled');
    expect(seen.body.history.map((e: { type: string }) => e.type)).toEqual([
      'appointment.booked',
      'appointment.rescheduled',
      'appointment.cancelled',
    ]);
  });

  it('stores the same message control id once, and ACKs it again', async () => {
    const text = siuMessage(
      sample('S12', 'MSG-DUP', { appointment: { id: 'A-DUP', start: '202603101000', minutes: 30 } }),
    );
    expect((await send(text)).code).toBe('AA');
    expect((await send(text)).code).toBe('AA');
    const id = externalDocumentId('apt', clinic.clinicId, 'A-DUP');
    const seen = await ctx.as(clinic).get(`/api/appointments/${id}`).expect(200);
    expect(seen.body.history).toHaveLength(1);
    const log = (await ctx.as(clinic).get('/api/settings/hl7').expect(200)).body.messages;
    expect(
      log
        .filter((m: { controlId: string }) => m.controlId === 'MSG-DUP')
        .map((m: { outcome: string }) => m.outcome)
        .sort(),
    ).toEqual(['accepted', 'duplicate']);
  });

  it('answers AE naming a missing SCH, and keeps the message for the clinic to see', async () => {
    const text = siuMessage(sample('S12', 'MSG-NOSCH')).replace(/\rSCH[^\r]*/, '');
    const answer = await send(text);
    expect(answer).toMatchObject({ code: 'AE', text: 'SCH: the segment is missing (the appointment)' });
    expect(answer.ack.getSegment('ERR')!.getField(8).toString()).toBe(
      'SCH: the segment is missing (the appointment)',
    );
    const log = (await ctx.as(clinic).get('/api/settings/hl7').expect(200)).body.messages;
    const kept = log.find((m: { controlId: string }) => m.controlId === 'MSG-NOSCH');
    expect(kept).toMatchObject({
      controlId: 'MSG-NOSCH',
      outcome: 'error',
      reason: 'SCH: the segment is missing (the appointment)',
    });
    expect(kept.text).toContain('PID|1||P-1^^^PMS^MR||Ødegård^Bjørn');
    // The clinic's secret is not kept with it.
    expect(kept.text).not.toContain(secret);
  });

  it('answers AE naming a field the event refuses (an e-mail that is not one)', async () => {
    const text = siuMessage(sample('S12', 'MSG-MAIL', { patient: { id: 'P-2', email: 'not-an-address' } }));
    expect(await send(text)).toMatchObject({ code: 'AE', text: expect.stringMatching(/^PID-13: /) });
  });

  it('reads a move the PMS sends as a modification (S14), and a modification of notes changes no reminder', async () => {
    const base = { id: 'A-14', start: '202603121000', minutes: 30 };
    expect((await send(siuMessage(sample('S12', 'MSG-14A', { appointment: base })))).code).toBe('AA');
    await engine.at('2026-03-07T14:01:00Z');
    const id = externalDocumentId('apt', clinic.clinicId, 'A-14');
    const before = await engine.deliveries(clinic, { appointmentId: id });
    expect(
      (await send(siuMessage(sample('S14', 'MSG-14B', { appointment: { ...base, notes: 'Jeun' } })))).code,
    ).toBe('AA');
    await engine.at('2026-03-07T14:02:00Z');
    expect(await engine.deliveries(clinic, { appointmentId: id })).toEqual(before);
    expect((await ctx.as(clinic).get(`/api/appointments/${id}`).expect(200)).body.notes).toBe('Jeun');

    expect(
      (await send(siuMessage(sample('S14', 'MSG-14C', { appointment: { ...base, start: '202603131000' } }))))
        .code,
    ).toBe('AA');
    const seen = await ctx.as(clinic).get(`/api/appointments/${id}`).expect(200);
    expect(seen.body).toMatchObject({ start: '2026-03-13T09:00:00.000Z' });
    expect(seen.body.history.map((e: { type: string }) => e.type)).toEqual([
      'appointment.booked',
      'appointment.rescheduled',
    ]);
  });

  it('refuses a message without the secret, from an unknown facility, or of a type it does not read', async () => {
    const unsigned = await send(siuMessage(sample('S12', 'MSG-NOSECRET', { secret: 'guess' })));
    expect(unsigned).toMatchObject({
      code: 'AR',
      text: 'MSH-8: the message is not authenticated for this sending facility',
    });
    const stranger = await send(siuMessage(sample('S12', 'MSG-STRANGER', { facility: 'ELSEWHERE' })));
    expect(stranger).toMatchObject({
      code: 'AR',
      text: 'MSH-4: the sending facility ELSEWHERE is not connected to clinicflow',
    });
    const adt = await send(
      siuMessage(sample('S12', 'MSG-ADT')).replace('SIU^S12^SIU_S12', 'ADT^A04^ADT_A01'),
    );
    expect(adt).toMatchObject({
      code: 'AR',
      text: expect.stringContaining('is not a message clinicflow reads'),
    });
    // Nothing of a refused message reached the clinic.
    const appointments = (await ctx.as(clinic).get('/api/appointments?pageSize=100').expect(200)).body.items;
    expect(appointments.map((a: { externalId: string }) => a.externalId)).not.toContain('A-NOSECRET');
  });

  it('answers AE, then closes, to a message over its size limit', async () => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const answer = new Promise<string>((resolve) => {
      const decoder = new MllpDecoder();
      socket.on('data', (chunk) => {
        const [ack] = decoder.push(chunk);
        if (ack) resolve(ack.toString());
      });
    });
    const huge = `${siuMessage(sample('S12', 'MSG-HUGE'))}\rNTE|1||${'x'.repeat(MAX_HL7_MESSAGE_BYTES)}`;
    socket.write(mllpFrame(Buffer.from(huge)));
    expect((await answer).split('\r')[1]).toBe(`MSA|AE||An HL7 message over ${MAX_HL7_MESSAGE_BYTES} bytes`);
    await new Promise((resolve) => socket.once('close', resolve));
  });

  it('takes UTF-8 when MSH-18 declares it', async () => {
    const text = siuMessage(
      sample('S12', 'MSG-UTF8', {
        charset: 'UNICODE UTF-8',
        appointment: { id: 'A-UTF', start: '202603141000', minutes: 30 },
      }),
    );
    expect((await send(text, 'utf-8')).code).toBe('AA');
    const id = externalDocumentId('apt', clinic.clinicId, 'A-UTF');
    const appointment = await ctx.as(clinic).get(`/api/appointments/${id}`).expect(200);
    const patient = await ctx.as(clinic).get(`/api/patients/${appointment.body.patientId}`).expect(200);
    expect(patient.body.lastName).toBe('Ødegård');
  });

  describe('the connection in the settings', () => {
    it('fails closed: a connection with neither secret nor peers takes nothing; an allowed peer alone does', async () => {
      await ctx
        .as(other)
        .put('/api/settings/hl7', { sendingFacility: 'OTHER_SITE', allowedPeers: [] })
        .expect(200);
      const text = siuMessage({ ...sample('S12', 'MSG-OPEN'), facility: 'OTHER_SITE', secret: '' });
      expect((await send(text)).code).toBe('AR');
      await ctx
        .as(other)
        .put('/api/settings/hl7', { sendingFacility: 'OTHER_SITE', allowedPeers: ['127.0.0.0/8'] })
        .expect(200);
      expect(
        (await send(siuMessage({ ...sample('S12', 'MSG-PEER'), facility: 'OTHER_SITE', secret: '' }))).code,
      ).toBe('AA');
      await ctx
        .as(other)
        .put('/api/settings/hl7', { sendingFacility: 'OTHER_SITE', allowedPeers: ['192.0.2.10'] })
        .expect(200);
      expect(
        (await send(siuMessage({ ...sample('S12', 'MSG-FAR'), facility: 'OTHER_SITE', secret: '' }))).code,
      ).toBe('AR');
    });

    it("refuses another clinic's facility with 409 naming it, and a peer that is not an address with 400", async () => {
      const taken = await ctx
        .as(other)
        .put('/api/settings/hl7', { sendingFacility: 'cabinet_parc' })
        .expect(409);
      expect(taken.body.errors).toEqual([
        { path: 'body.sendingFacility', message: 'is already connected: each facility reaches one clinic' },
      ]);
      const bad = await ctx
        .as(other)
        .put('/api/settings/hl7', { sendingFacility: 'X', allowedPeers: ['pms.local'] })
        .expect(400);
      expect(bad.body.errors[0].path).toBe('body.allowedPeers.0');
      // The clinic's own connection is untouched by the refusals.
      const mine = (await ctx.as(clinic).get('/api/settings/hl7').expect(200)).body.connection;
      expect(mine).toMatchObject({ sendingFacility: FACILITY, hasSecret: true });
    });

    it('shows the secret once, keeps it across a change of facility, and refuses the old one after a new one', async () => {
      const view = (await ctx.as(clinic).get('/api/settings/hl7').expect(200)).body;
      expect(JSON.stringify(view)).not.toContain(secret);
      const fresh = (await ctx.as(clinic).post('/api/settings/hl7/secret').expect(200)).body.secret;
      expect(fresh).not.toBe(secret);
      expect((await send(siuMessage(sample('S12', 'MSG-OLDSECRET')))).code).toBe('AR');
      secret = fresh;
      expect(
        (
          await send(
            siuMessage(
              sample('S12', 'MSG-NEWSECRET', {
                appointment: { id: 'A-NEW', start: '202603151000', minutes: 30 },
              }),
            ),
          )
        ).code,
      ).toBe('AA');

      const moved = await ctx
        .as(clinic)
        .put('/api/settings/hl7', { sendingFacility: 'CABINET_NORD' })
        .expect(200);
      expect(moved.body.connection).toMatchObject({ sendingFacility: 'CABINET_NORD', hasSecret: true });
      const nord = {
        facility: 'CABINET_NORD',
        appointment: { id: 'A-NORD', start: '202603161000', minutes: 30 },
      };
      expect((await send(siuMessage(sample('S12', 'MSG-NORD', nord)))).code).toBe('AA');
      expect((await send(siuMessage(sample('S12', 'MSG-PARC-AGAIN')))).code).toBe('AR');
    });

    it('is for managers only', async () => {
      await ctx.as(clinic, clinic.staffToken).get('/api/settings/hl7').expect(403);
    });
  });
});
