import { sampleContext } from '@clinicflow/rules';
import { baseSampleJson } from './simulationForm';
import { sampleFromDirectory } from './sampleFromDirectory';

const sample = baseSampleJson;

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

  it.each([
    {
      title: 'the practitioner the picker found, with no contact left from the sample’s',
      picked: {
        resourceId: 'res-bernard',
        resource: { id: 'res-bernard', name: 'Dr Hugo Bernard', phone: '+33 1 42 68 53 01', email: null },
      },
      resourceId: 'res-bernard',
      resource: {
        id: 'res-bernard',
        name: 'Dr Hugo Bernard',
        phone: '+33 1 42 68 53 01',
        mobile: '+33142685301',
      },
    },
    {
      title: 'the practitioner’s id alone when the picker did not find it',
      picked: { resourceId: 'res-gone' },
      resourceId: 'res-gone',
      resource: { id: 'res-gone' },
    },
    {
      title: 'no practitioner when the appointment has none',
      picked: {},
      resourceId: undefined,
      resource: undefined,
    },
  ])('puts $title in the sample', ({ picked, resourceId, resource }) => {
    const merged = JSON.parse(
      sampleFromDirectory(
        sample,
        { id: 'p1', firstName: 'Jean' },
        { id: 'a1', start: '2026-06-01T08:00:00.000Z', ...picked },
      ),
    );
    expect(merged.appointment.resourceId).toBe(resourceId);
    expect(merged.resource).toEqual(resource);
  });

  it.each([
    {
      title: 'the site the picker found, with none of the sample’s details left',
      picked: {
        locationId: 'loc-gare',
        location: { id: 'loc-gare', name: 'Cabinet de la Gare', address: '2 rue de la Gare', notes: null },
      },
      locationId: 'loc-gare',
      location: { id: 'loc-gare', name: 'Cabinet de la Gare', address: '2 rue de la Gare' },
    },
    {
      title: 'the site’s id alone when the picker did not find it',
      picked: { locationId: 'loc-gone' },
      locationId: 'loc-gone',
      location: { id: 'loc-gone' },
    },
    {
      title: 'no site when the appointment has none',
      picked: {},
      locationId: undefined,
      location: undefined,
    },
  ])('puts $title in the sample', ({ picked, locationId, location }) => {
    const merged = JSON.parse(
      sampleFromDirectory(
        sample,
        { id: 'p1', firstName: 'Jean' },
        { id: 'a1', start: '2026-06-01T08:00:00.000Z', ...picked },
      ),
    );
    expect(merged.appointment.locationId).toBe(locationId);
    expect(merged.location).toEqual(location);
  });
});
