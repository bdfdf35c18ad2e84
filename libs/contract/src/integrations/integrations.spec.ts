import { hl7ConnectionSchema } from './hl7';
import { webhookEndpointInputSchema } from './webhooks';

const paths = (value: unknown) =>
  (webhookEndpointInputSchema.safeParse(value).error?.issues ?? []).map(
    (i) => `${i.path.join('.')}: ${i.message}`,
  );

describe('webhookEndpointInputSchema', () => {
  it.each([
    { url: 'https://pms.example.org/hooks', events: ['run.ended'] },
    {
      kind: 'fhir',
      url: 'https://fhir.example.org/r4',
      events: ['appointment.confirmed'],
      authorization: 'Bearer x',
    },
    { kind: 'hl7', url: 'mllp://pms.local:2576/SITE', events: ['appointment.declined'] },
  ])('should take %j', (input) => {
    expect(paths(input)).toEqual([]);
  });

  it.each([
    [{ url: 'ftp://pms.example.org', events: ['run.ended'] }, ['url: must be an http or https URL']],
    [{ url: 'not a url', events: ['run.ended'] }, ['url: must be an http or https URL']],
    [
      { kind: 'hl7', url: 'https://pms.example.org', events: ['appointment.confirmed'] },
      ['url: must be an mllp:// or mllps:// address'],
    ],
    [{ url: 'https://pms.example.org', events: [] }, ['events: choose at least one event']],
    [
      { kind: 'fhir', url: 'https://fhir.example.org', events: ['reply.received'] },
      [
        "events.0: a fhir endpoint hears the patient's answers only (appointment.confirmed, appointment.declined)",
      ],
    ],
    [
      { url: 'https://pms.example.org', events: ['run.ended'], authorization: 'Bearer x' },
      ['authorization: is for a FHIR server only'],
    ],
  ])('should refuse %j', (input, problems) => {
    expect(paths(input)).toEqual(problems);
  });
});

describe('hl7ConnectionSchema', () => {
  it('should take a facility with its peers and online applications, and default the lists', () => {
    expect(hl7ConnectionSchema.parse({ sendingFacility: ' CABINET_PARC ' })).toEqual({
      sendingFacility: 'CABINET_PARC',
      allowedPeers: [],
      onlineApplications: [],
    });
  });

  it.each([
    [{ sendingFacility: 'A|B' }, 'sendingFacility'],
    [{ sendingFacility: '' }, 'sendingFacility'],
    [{ sendingFacility: 'A', allowedPeers: ['pms.local'] }, 'allowedPeers.0'],
    [{ sendingFacility: 'A', allowedPeers: ['10.0.0.0/40'] }, 'allowedPeers.0'],
  ])('should refuse %j naming %s', (input, path) => {
    expect(hl7ConnectionSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'))).toEqual([path]);
  });
});
