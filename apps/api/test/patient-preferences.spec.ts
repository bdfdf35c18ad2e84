// Issue 20, part 4: `links.preferences` opens the patient's preferences; each change is a consent decision of
// source `patient` with its time, in the audit trail with the address it came from, and the send-time checks
// honour it.
import { EngineService } from '../src/modules/engine/engine.service';
import { engineDriver } from './engine-fixtures';
import { useTestContext } from './test-app';
import { TestClock } from './test-clock';

const PUBLIC_URL = 'https://rdv.clinic.example';

describe("the patient's preferences page", () => {
  const clock = new TestClock('2026-03-02T08:00:00Z');
  // behind a proxy on this machine that says the patient's address (TRUST_PROXY, docs/production.md)
  const ctx = useTestContext({ PUBLIC_URL, TRUST_PROXY: 'loopback' }, { clock });
  const engine = engineDriver(ctx, clock);
  const clinic = ctx.clinic();
  let patientId: string;

  const sms = async (body: string) => {
    const sent = await ctx
      .as(clinic)
      .post('/api/sends', { channel: 'sms', patientId, template: { body } })
      .expect(201);
    await ctx.app.get(EngineService).drain();
    return (await ctx.as(clinic).get(`/api/deliveries/${sent.body.id}`).expect(200)).body;
  };
  const patient = async () => (await ctx.as(clinic).get(`/api/patients/${patientId}`).expect(200)).body;

  beforeAll(async () => {
    await engine.settings(clinic, {
      consent: { mode: 'opt-in', purposes: ['reminders', 'recall', 'surveys'] },
      providers: { sms: { kind: 'sandbox', options: {} } },
    });
    const created = await ctx
      .as(clinic)
      .post('/api/patients', {
        firstName: 'Léa',
        lastName: 'Martin',
        mobile: '06 12 34 56 78',
        email: 'lea.martin@example.org',
        language: 'fr',
        consent: { sms: { granted: true, source: 'pms', at: '2026-03-01T10:00:00Z' } },
      })
      .expect(201);
    patientId = created.body.id;
  });

  it("shows what is in force, records each change as the patient's consent, and the next SMS is stopped", async () => {
    const message = await sms('Vos préférences : {{links.preferences}}');
    expect(message.status).toMatch(/^(sent|delivered)$/);
    const link = /https:\/\/rdv\.clinic\.example(\/p\/[0-9A-Za-z]{16})/.exec(message.text)![1];

    const page = await ctx.http().get(link).expect(200);
    expect(page.text).toContain('<h1>Mes préférences</h1>');
    expect(page.text).toContain('<input type="checkbox" name="channel" value="sms" checked>SMS');
    expect(page.text).toContain('<input type="checkbox" name="channel" value="email">E-mail');
    expect(page.text).toContain('<option value="fr" selected>');

    // a value that is not one of the form's changes nothing
    await ctx.http().post(link).type('form').send('action=preferences&channel=fax&language=fr').expect(400);
    expect((await patient()).consent.sms.granted).toBe(true);

    clock.set('2026-03-02T09:00:00Z');
    const saved = await ctx
      .http()
      .post(link)
      .set('x-forwarded-for', '203.0.113.7')
      .type('form')
      .send('action=preferences&channel=email&purpose=reminders&purpose=recall&language=nb')
      .expect(200);
    expect(saved.text).toContain('C’est enregistré.');
    expect(saved.text).toContain('<input type="checkbox" name="channel" value="sms">SMS');
    expect(saved.text).toContain('<option value="nb" selected>');
    const now = await patient();
    expect(now.language).toBe('nb');
    expect(now.consent.sms).toMatchObject({
      granted: false,
      source: 'patient',
      at: '2026-03-02T09:00:00.000Z',
    });
    expect(now.consent.email).toMatchObject({
      granted: true,
      purposes: ['reminders', 'recall'],
      source: 'patient',
      at: '2026-03-02T09:00:00.000Z',
      // the evidence: from which address the patient decided, in the record and its history
      address: '203.0.113.7',
    });
    expect(now.consent.sms.address).toBe('203.0.113.7');
    expect(now.consentHistory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          channel: 'sms',
          granted: false,
          source: 'patient',
          address: '203.0.113.7',
        }),
      ]),
    );
    const [entry] = (await ctx.as(clinic).get('/api/audit?action=patient.consent-changed').expect(200)).body
      .items;
    expect(entry).toMatchObject({
      actor: { kind: 'patient', id: patientId },
      target: { type: 'patient', id: patientId },
      details: { via: 'preferences-page', channels: ['sms', 'email'], languageChanged: true },
    });
    expect(entry.address).toBe('203.0.113.7');

    // the send-time checks read it: no SMS any more
    const after = await sms('Rappel');
    expect(after.status).not.toMatch(/^(sent|delivered)$/);
    expect(JSON.stringify(after.reason ?? after.error)).toMatch(/consent/i);
  });
});
