import type { FlowNode, RecipientType } from '@clinicflow/rules';
import { externalDocumentId } from '../src/common/ids';
import { bookingEvent, engineDriver } from './engine-fixtures';
import { bookingChain } from './engine-scenario-flows';
import { startReplyingSmsc, type ReplyingSmsc } from './replies-smsc';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

/** An SMS step to someone: the patient, the practitioner, the referring doctor or a number typed in the step. */
function smsTo(id: string, row: number, type: RecipientType, address?: string): FlowNode {
  return {
    id,
    type: 'send',
    position: { x: 0, y: row * 140 },
    data: {
      label: id,
      channel: 'sms',
      recipient: { type, ...(address ? { address } : {}) },
      purpose: 'notice',
      template: { byLanguage: { fr: { body: `RDV de {{patient.firstName}} (${id}).` } } },
    },
  } as FlowNode;
}

describe('every number we send to, in E.164 with the clinic’s country (T4)', () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  const ctx = useTestContext({}, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let smsc: ReplyingSmsc;

  beforeAll(async () => {
    smsc = await startReplyingSmsc();
    await engine.settings(clinic, {
      testMode: false,
      consent: { mode: 'all-with-valid-contact', purposes: ['reminders'] },
      senders: {
        smsSenderName: 'CabLilas',
        emailFromName: null,
        emailFromAddress: null,
        voiceCallerNumber: null,
      },
      providers: {
        sms: {
          kind: 'smpp',
          options: { host: '127.0.0.1', port: smsc.port, systemId: 'clinic' },
          credentials: { password: 'secret' },
        },
      },
    });
    // Numbers as people type them: a practitioner's national number, a referring doctor's that is not one.
    await ctx
      .as(clinic)
      .put('/api/resources/by-external-id/R-DUPONT', { name: 'Dr Dupont', phone: '06 11 22 33 44' })
      .expect(200);
    await ctx
      .as(clinic)
      .put('/api/patients/by-external-id/P-NUM', {
        firstName: 'Léa',
        mobile: '06 12 34 56 78',
        referringDoctor: { name: 'Dr Bernard', phone: '12 34' },
      })
      .expect(200);
    await engine.publish(
      clinic,
      bookingChain('Everyone is told', [
        smsTo('patient', 1, 'patient'),
        smsTo('practitioner', 2, 'resource'),
        smsTo('custom', 3, 'custom', '06 98 76 54 32'),
        smsTo('referrer', 4, 'referring-doctor'),
      ]),
    );
  });
  afterAll(() => smsc.close());

  it('should send every number international over SMPP, and skip the one that is not a number, saying why', async () => {
    await engine
      .post(clinic, bookingEvent('num-book', 'A-NUM', '2026-03-09T10:00', { patient: 'P-NUM' }))
      .expect(202);
    await engine.at('2026-03-02T08:00:00Z');

    const addresses = smsc.pdus.map((pdu) => ({
      from: [pdu.source_addr, pdu.source_addr_ton, pdu.source_addr_npi],
      to: [pdu.destination_addr, pdu.dest_addr_ton, pdu.dest_addr_npi],
    }));
    const fromName = ['CabLilas', 5, 0];
    expect(addresses.sort((a, b) => String(a.to[0]).localeCompare(String(b.to[0])))).toEqual([
      { from: fromName, to: ['33611223344', 1, 1] },
      { from: fromName, to: ['33612345678', 1, 1] },
      { from: fromName, to: ['33698765432', 1, 1] },
    ]);

    const appointmentId = externalDocumentId('apt', clinic.clinicId, 'A-NUM');
    const report = await ctx.as(clinic).get('/api/deliveries?status=skipped').expect(200);
    expect(report.body.items).toEqual([
      expect.objectContaining({
        appointmentId,
        nodeId: 'referrer',
        recipient: { type: 'referring-doctor', name: 'Dr Bernard', address: '12 34' },
        reason: 'The referring doctor\'s number cannot be used: "12 34" is not a valid phone number.',
      }),
    ]);
    const sent = await ctx.as(clinic).get('/api/deliveries?status=sent').expect(200);
    expect(sent.body.total).toBe(3);
  });
});
