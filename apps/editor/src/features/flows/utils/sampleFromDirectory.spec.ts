import { sampleContext } from '@clinicflow/rules';
import { defaultSimulationForm } from './simulationSample';
import { sampleFromDirectory } from './sampleFromDirectory';

const sample = defaultSimulationForm('appointment.booked').sample;

describe(sampleFromDirectory.name, () => {
  it('puts the patient’s plain fields and the appointment’s times into the sample, keeping consent', () => {
    const merged = JSON.parse(
      sampleFromDirectory(
        sample,
        {
          id: 'p1',
          firstName: 'Jean',
          lastName: 'Dupont',
          mobile: '+33 6 11 22 33 44',
          email: null,
          language: 'en',
        },
        { id: 'a1', start: '2026-06-01T08:00:00.000Z', end: '2026-06-01T08:30:00.000Z', status: 'booked' },
      ),
    );
    expect(merged.patient).toEqual({
      ...sampleContext.patient,
      id: 'p1',
      firstName: 'Jean',
      lastName: 'Dupont',
      mobile: '+33611223344',
      language: 'en',
    });
    expect(merged.appointment).toMatchObject({
      id: 'a1',
      start: '2026-06-01T08:00:00.000Z',
      status: 'booked',
    });
    expect(merged.service).toEqual(sampleContext.service);
  });

  it('keeps the sample’s mobile when the stored one is not international, and the appointment when none is picked', () => {
    const merged = JSON.parse(
      sampleFromDirectory(sample, { id: 'p2', firstName: 'Ana', mobile: '06 12 34 56 78' }),
    );
    expect(merged.patient.mobile).toBe(sampleContext.patient.mobile);
    expect(merged.appointment).toEqual(sampleContext.appointment);
  });

  it('puts the appointment’s real service in the sample, so its channel settings apply', () => {
    const merged = JSON.parse(
      sampleFromDirectory(
        sample,
        { id: 'p1', firstName: 'Jean' },
        {
          id: 'a1',
          start: '2026-06-01T08:00:00.000Z',
          serviceId: 'svc-ctrl',
          service: { id: 'svc-ctrl', name: 'Contrôle' },
        },
      ),
    );
    expect(merged.appointment.serviceId).toBe('svc-ctrl');
    expect(merged.service).toEqual({ ...sampleContext.service, id: 'svc-ctrl', name: 'Contrôle' });
  });
});
