import type { Patient } from '@medplum/fhirtypes';
import { ourLanguage, readFhirPatient } from './fhir-patient';
import type { LocatedResource } from './fhir-reference';
import type { Issues } from './fhir-values';

function read(patient: Partial<Patient>, located: Partial<LocatedResource> = {}) {
  const issues: Issues = [];
  const resource = { resourceType: 'Patient', id: 'P-1', ...patient } as LocatedResource['resource'];
  const reading = readFhirPatient({ resource, path: 'Patient', ...located }, issues);
  return { reading, issues };
}

describe(readFhirPatient.name, () => {
  it('should read the official name, the mobile, the e-mail, the language and the date of birth', () => {
    const { reading, issues } = read({
      name: [
        { use: 'old', family: 'Durand', given: ['Léa'] },
        { use: 'usual', given: ['Lili'] },
        { use: 'official', family: 'Martin', given: ['Léa', 'Anne'] },
      ],
      telecom: [
        { system: 'phone', use: 'home', value: '01 40 00 00 00' },
        { system: 'phone', use: 'mobile', value: ' 06 12 34 56 78 ' },
        { system: 'email', use: 'old', value: 'old@example.org' },
        { system: 'email', value: 'lea.martin@example.org' },
      ],
      communication: [
        { language: { coding: [{ code: 'pt' }] } },
        { language: { coding: [{ code: 'fr-FR' }] }, preferred: true },
      ],
      birthDate: '1990-06-01',
    });
    expect(issues).toEqual([]);
    expect(reading?.patient).toEqual({
      externalId: 'P-1',
      firstName: 'Léa Anne',
      lastName: 'Martin',
      mobile: '06 12 34 56 78',
      email: 'lea.martin@example.org',
      language: 'fr',
      birthDate: '1990-06-01',
    });
    expect(reading?.sources).toMatchObject({
      firstName: 'Patient.name[2].given',
      mobile: 'Patient.telecom[1].value',
      email: 'Patient.telecom[3].value',
      language: 'Patient.communication[1].language.coding[0].code',
    });
  });

  it.each([
    [
      'an SMS number before a landline',
      [
        { system: 'phone', value: '01' },
        { system: 'sms', value: '06' },
      ],
      '06',
    ],
    [
      'the best-ranked phone',
      [
        { system: 'phone', value: 'b', rank: 2 },
        { system: 'phone', value: 'a', rank: 1 },
      ],
      'a',
    ],
    [
      'a home phone before a work phone',
      [
        { system: 'phone', use: 'work', value: 'w' },
        { system: 'phone', value: 'h' },
      ],
      'h',
    ],
    ['no old number', [{ system: 'phone', use: 'old', value: 'o' }], undefined],
  ] as const)('should take %s as the mobile', (_title, telecom, mobile) => {
    expect(read({ telecom: telecom as unknown as Patient['telecom'] }).reading?.patient.mobile).toBe(mobile);
  });

  it('should leave out a language patients cannot get messages in and a partial date of birth, with a warning', () => {
    const { reading, issues } = read({
      communication: [{ language: { coding: [{ code: 'pt-BR' }] } }],
      birthDate: '1990',
    });
    expect(reading?.patient).toEqual({ externalId: 'P-1' });
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', expression: ['Patient.birthDate'] }),
    ]);
  });

  it('should refuse a patient without any id, and report elements of the wrong shape', () => {
    const { reading, issues } = read({ id: undefined });
    expect(reading).toBeUndefined();
    expect(issues.map((issue) => issue.expression?.[0])).toEqual(['Patient.id']);
    const misshapen = read({ name: ['Léa'] as never, telecom: {} as never });
    expect(misshapen.issues.map((issue) => issue.expression?.[0])).toEqual([
      'Patient.name[0]',
      'Patient.telecom',
    ]);
  });
});

describe(ourLanguage.name, () => {
  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['NB_no', 'nb'],
    ['no', 'nb'],
    ['nn', 'nb'],
    ['pt', undefined],
    [undefined, undefined],
  ])('should read %s as %s', (code, language) => {
    expect(ourLanguage(code)).toBe(language);
  });
});
