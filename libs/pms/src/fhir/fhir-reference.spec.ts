import {
  containedResources,
  externalIdOf,
  indexResources,
  parseRestfulUrl,
  resolveReference,
  type LocatedResource,
} from './fhir-reference';
import type { Issues } from './fhir-values';

const patient: LocatedResource = {
  resource: { resourceType: 'Patient', id: 'P-1' },
  path: 'Bundle.entry[0].resource',
  fullUrl: 'urn:uuid:p1',
};
const practitioner: LocatedResource = {
  resource: { resourceType: 'Practitioner' },
  path: 'Bundle.entry[1].resource',
  fullUrl: 'https://fhir.example/Practitioner/R-1',
};

describe(parseRestfulUrl.name, () => {
  it.each([
    ['Patient/123', { type: 'Patient', id: '123' }],
    ['https://fhir.example/r4/Appointment/A.1/_history/3', { type: 'Appointment', id: 'A.1' }],
    ['urn:uuid:1234', undefined],
    ['patient/123', undefined],
    [undefined, undefined],
  ])('should read %s', (url, expected) => {
    expect(parseRestfulUrl(url)).toEqual(expected);
  });
});

describe(resolveReference.name, () => {
  const index = indexResources([patient, practitioner]);
  const contained = containedResources(
    { contained: [{ resourceType: 'Patient', id: 'c1' }, 'x'] },
    'Appointment',
    [],
  );
  const resolve = (reference: Record<string, unknown>) =>
    resolveReference(reference, 'Appointment.participant[0].actor', index, contained, []);

  it('should find an entry by its fullUrl, by Type/id, and a contained resource by #id', () => {
    expect(resolve({ reference: 'urn:uuid:p1' })?.found).toBe(patient);
    expect(resolve({ reference: 'Patient/P-1' })).toEqual({ type: 'Patient', id: 'P-1', found: patient });
    expect(resolve({ reference: 'Practitioner/R-1' })?.found).toBe(practitioner);
    expect(resolve({ reference: '#c1' })?.found?.path).toBe('Appointment.contained[0]');
  });

  it('should name a resource the Bundle does not hold by its id, and read logical references', () => {
    expect(resolve({ reference: 'Location/L-1' })).toEqual({ type: 'Location', id: 'L-1', found: undefined });
    expect(
      resolve({ type: 'http://hl7.org/fhir/StructureDefinition/Practitioner', identifier: { value: 'R-9' } }),
    ).toEqual({ type: 'Practitioner', id: 'R-9' });
  });

  it.each([
    { reference: '#missing' },
    { reference: 'urn:uuid:other' },
    { type: 'Patient' },
    { display: 'Dr X' },
  ])('should resolve %j to nothing', (reference) => {
    expect(resolve(reference)).toBeUndefined();
  });
});

describe(externalIdOf.name, () => {
  it('should prefer the id, then the RESTful fullUrl, then the identifier, then a urn:uuid with a warning', () => {
    const issues: Issues = [];
    expect(externalIdOf(patient, issues)).toBe('P-1');
    expect(externalIdOf(practitioner, issues)).toBe('R-1');
    const identified = {
      ...patient,
      resource: { resourceType: 'Patient', identifier: [{ value: 'MRN-1' }] },
    };
    expect(externalIdOf(identified, issues)).toBe('MRN-1');
    expect(issues).toEqual([]);
    expect(externalIdOf({ ...patient, resource: { resourceType: 'Patient' } }, issues)).toBe('urn:uuid:p1');
    expect(issues).toEqual([expect.objectContaining({ severity: 'warning' })]);
  });

  it('should not take a contained resource’s local id', () => {
    const located = { resource: { resourceType: 'Patient', id: 'c1' }, path: 'Appointment.contained[0]' };
    expect(externalIdOf(located, [], true)).toBeUndefined();
  });
});
