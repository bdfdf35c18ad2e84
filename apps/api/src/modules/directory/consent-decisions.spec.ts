import type { ConsentRecord, PatientDocument } from './directory.repository';
import { decideConsent } from './consent-decisions';

const record = (granted: boolean, at: string, source = 'pms', purposes: string[] = []): ConsentRecord => ({
  granted,
  purposes,
  source,
  at: new Date(at),
});

const patientWith = (sms: ConsentRecord | undefined, history: PatientDocument['consentHistory'] = []) => ({
  consent: sms ? { sms } : {},
  consentHistory: history,
});

describe(decideConsent.name, () => {
  const stop = record(false, '2026-03-10T09:00:00Z', 'patient-reply');

  it.each([
    {
      title: 'should put a first decision in force',
      patient: null,
      decision: record(true, '2026-03-01T10:00:00Z'),
      inForce: true,
      evidence: 1,
    },
    {
      title: 'should add nothing for the same decision restated later',
      patient: patientWith(record(true, '2026-03-01T10:00:00Z', 'pms', ['reminders'])),
      decision: record(true, '2026-03-05T10:00:00Z', 'pms', ['reminders']),
      inForce: false,
      evidence: 0,
    },
    {
      title: 'should put other purposes in force',
      patient: patientWith(record(true, '2026-03-01T10:00:00Z', 'pms', ['reminders'])),
      decision: record(true, '2026-03-05T10:00:00Z', 'pms', ['reminders', 'recall']),
      inForce: true,
      evidence: 1,
    },
    {
      title: "should keep the PMS's consent from before a STOP reply in the history only",
      patient: patientWith(stop),
      decision: record(true, '2026-03-01T10:00:00Z'),
      inForce: false,
      evidence: 1,
    },
    {
      title: 'should not write that old consent twice',
      patient: patientWith(stop, [{ channel: 'sms', ...record(true, '2026-03-01T10:00:00Z') }]),
      decision: record(true, '2026-03-01T10:00:00Z'),
      inForce: false,
      evidence: 0,
    },
    {
      title: 'should put a consent given after the STOP reply in force',
      patient: patientWith(stop),
      decision: record(true, '2026-03-12T10:00:00Z'),
      inForce: true,
      evidence: 1,
    },
  ])('$title', ({ patient, decision, inForce, evidence }) => {
    const outcome = decideConsent(patient, { sms: decision });
    expect(outcome.records.sms).toEqual(inForce ? decision : undefined);
    expect(outcome.history).toEqual(evidence ? [{ channel: 'sms', ...decision }] : []);
  });
});
