import { bookingConfirmationFlow } from '@clinicflow/rules';
import { flowActivitySchema } from './flow-activity';
import { flowDiffSchema, flowViewSchema, simulationAnswerSchema, starterSummarySchema } from './flow-view';

const state = {
  id: 'flow_1',
  revision: 2,
  valid: true,
  enabled: false,
  latestVersion: null,
  starterKey: 'booking-confirmation',
  createdAt: '2026-03-20T10:00:00.000Z',
  createdBy: 'x@y.fr',
  updatedAt: '2026-03-20T10:00:00.000Z',
  updatedBy: 'x@y.fr',
};

describe('flowViewSchema', () => {
  it('should read a draft with its problems', () => {
    const view = {
      ...state,
      draft: bookingConfirmationFlow,
      problems: [{ nodeId: 'sms', path: 'data.template', message: 'is missing' }],
    };
    expect(flowViewSchema.parse(view)).toEqual(view);
  });

  it('should refuse a problem without message', () => {
    expect(
      flowViewSchema.safeParse({ ...state, draft: bookingConfirmationFlow, problems: [{}] }).success,
    ).toBe(false);
  });
});

describe('flow answers', () => {
  it('should read a starter, a diff, a simulation and the activity', () => {
    const starter = {
      key: 'k',
      name: 'n',
      description: null,
      features: ['F1'],
      flow: bookingConfirmationFlow,
    };
    expect(starterSummarySchema.parse(starter)).toEqual(starter);
    const diff = {
      from: 1,
      to: 'draft',
      nodes: { added: ['a'], removed: [], changed: [{ id: 'b', fields: ['position'] }] },
      edges: { added: [], removed: [], changed: [] },
      flow: ['name'],
    };
    expect(flowDiffSchema.parse(diff)).toEqual(diff);
    const answer = {
      valid: false,
      errors: [{ nodeId: null, path: 'nodes', message: 'no trigger' }],
      timeline: [],
    };
    expect(simulationAnswerSchema.parse(answer)).toEqual(answer);
    const activity = {
      day: '2026-03-06',
      timeZone: 'Europe/Paris',
      nodes: { sms24: { entered: 3, waiting: 0, sent: 2, skipped: 0, failed: 1 } },
      latest: [{ at: '2026-03-06T08:12:00.000Z', nodeId: 'wait24', runId: 'run_1', status: 'waiting' }],
    };
    expect(flowActivitySchema.parse(activity)).toEqual(activity);
  });
});
