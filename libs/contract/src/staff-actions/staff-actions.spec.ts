import { pmsEventSchema } from '../pms-events/pms-event';
import { manualRunRequestSchema } from './manual-run';
import { resourceAbsenceSchema, resourceDelaySchema } from './resource-alert';

const requestId = '3f1c9a7e-5b2d-4e8f-9a1c-7d6e5f4a3b2c';
const problemPaths =
  (schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[] }[] } } }) =>
  (value: unknown) =>
    (schema.safeParse(value).error?.issues ?? []).map((i) => i.path.join('.'));

describe('resourceDelaySchema', () => {
  it.each([
    ['a delay', { requestId, minutes: 40 }, []],
    ['no request id', { minutes: 40 }, ['requestId']],
    ['a short request id', { requestId: 'abc', minutes: 40 }, ['requestId']],
    ['no minutes', { requestId, minutes: 0 }, ['minutes']],
    ['part of a minute', { requestId, minutes: 1.5 }, ['minutes']],
  ])('should read %s', (_title, value, paths) => {
    expect(problemPaths(resourceDelaySchema)(value)).toEqual(paths);
  });
});

describe('resourceAbsenceSchema', () => {
  it.each([
    ['one day', { from: '2026-04-01', to: '2026-04-01' }, []],
    ['three days', { from: '2026-04-01', to: '2026-04-03' }, []],
    ['an end before the start', { from: '2026-04-03', to: '2026-04-01' }, ['absence.to']],
    ['92 days', { from: '2026-01-01', to: '2026-04-02' }, []],
    ['93 days', { from: '2026-01-01', to: '2026-04-03' }, ['absence.to']],
    ['a day that is not one', { from: '2026-02-30', to: '2026-03-01' }, ['absence.from']],
  ])('should read an absence of %s', (_title, absence, paths) => {
    expect(problemPaths(resourceAbsenceSchema)({ requestId, absence })).toEqual(paths);
  });

  it('should let a PMS send the days of an absence, and only of an absence', () => {
    const event = {
      id: 'e1',
      type: 'resource.absent',
      occurredAt: '2026-04-01T06:00:00Z',
      resource: { externalId: 'R1' },
      absence: { from: '2026-04-01', to: '2026-04-03' },
    };
    expect(problemPaths(pmsEventSchema)(event)).toEqual([]);
    expect(problemPaths(pmsEventSchema)({ ...event, type: 'resource.delayed', minutes: 5 })).toEqual([
      'absence',
    ]);
  });
});

describe('manualRunRequestSchema', () => {
  it.each([
    ['two patients', ['pat_1', 'pat_2'], []],
    ['nobody', [], ['patientIds']],
    ['a patient twice', ['pat_1', 'pat_1'], ['patientIds']],
    ['101 patients', Array.from({ length: 101 }, (_, i) => `pat_${i}`), ['patientIds']],
  ])('should read %s', (_title, patientIds, paths) => {
    expect(problemPaths(manualRunRequestSchema)({ requestId, patientIds })).toEqual(paths);
  });
});
