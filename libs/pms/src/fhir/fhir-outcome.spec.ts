import { canonicalJson, fhirEventId } from './fhir-event-id';
import {
  bundleResponse,
  fhirError,
  fhirInformation,
  fhirWarning,
  hasErrors,
  operationOutcome,
} from './fhir-outcome';

describe(operationOutcome.name, () => {
  it('should name the path and the reason of each issue', () => {
    expect(operationOutcome([fhirError('Appointment.start', 'must be an instant with a zone')])).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'value',
          details: { text: 'must be an instant with a zone' },
          expression: ['Appointment.start'],
        },
      ],
    });
  });

  it('should say All OK when there is nothing to say, as FHIR wants one issue at least', () => {
    expect(operationOutcome([]).issue).toEqual([
      { severity: 'information', code: 'informational', details: { text: 'All OK' } },
    ]);
  });
});

describe(hasErrors.name, () => {
  it.each([
    [[fhirWarning('x', 'y'), fhirInformation(null, 'z')], false],
    [[fhirWarning('x', 'y'), fhirError('x', 'y')], true],
  ])('should tell errors from warnings and information', (issues, expected) => {
    expect(hasErrors(issues)).toBe(expected);
  });
});

describe(bundleResponse.name, () => {
  it('should answer one entry per entry, with its status line, location and outcome', () => {
    const outcome = operationOutcome([]);
    expect(
      bundleResponse('batch-response', [
        { status: 201, outcome, location: 'Appointment/A-1' },
        { status: 400, outcome },
        { status: 299, outcome },
      ]),
    ).toEqual({
      resourceType: 'Bundle',
      type: 'batch-response',
      entry: [
        { response: { status: '201 Created', location: 'Appointment/A-1', outcome } },
        { response: { status: '400 Bad Request', outcome } },
        { response: { status: '299', outcome } },
      ],
    });
  });
});

describe(fhirEventId.name, () => {
  it('should read the same whatever the order of keys, and skip undefined members', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: undefined, e: true })).toBe(
      '{"b":[1,{"c":"x","d":null}],"e":true}',
    );
  });

  it('should use the version when there is one, else a hash of the resource', () => {
    expect(fhirEventId('Appointment', 'A-1', {}, '7')).toBe('fhir:Appointment/A-1/_history/7');
    expect(fhirEventId('Appointment', 'A-1', { b: 1, a: 2 }, undefined)).toBe(
      fhirEventId('Appointment', 'A-1', { a: 2, b: 1 }, undefined),
    );
  });
});
